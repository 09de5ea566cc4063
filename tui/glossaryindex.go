package tui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
)

// indexOverlay lists every glossary entry; typing filters (fuzzy), Enter
// opens the entry.
type indexOverlay struct {
	c    *common
	list list.Model
	w, h int
}

type termItem struct{ t *content.Term }

// FilterValue is what typing matches: the term first, then its variants.
func (i termItem) FilterValue() string {
	return strings.Join(append([]string{i.t.Term}, i.t.Variants...), " · ")
}

func newIndexOverlay(c *common) *indexOverlay {
	var items []list.Item
	for _, t := range c.pack.Glossary.Terms {
		items = append(items, termItem{t})
	}
	l := list.New(items, indexDelegate{c: c}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.SetStatusBarItemName("term", "terms")
	l.FilterInput.Prompt = "filter: "
	l.Filter = termFilter
	fst := l.FilterInput.Styles()
	fst.Cursor.Blink = false // a steady cursor, like search and notes
	l.FilterInput.SetStyles(fst)
	km := list.DefaultKeyMap()
	km.Quit.SetEnabled(false)
	km.ForceQuit.SetEnabled(false)
	km.ShowFullHelp.SetEnabled(false)
	km.CloseFullHelp.SetEnabled(false)
	l.KeyMap = km
	// Start typing at once: the list's own filter key, so it lists every
	// term until something is typed (SetFilterState alone shows none).
	l, _ = l.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	o := &indexOverlay{c: c, list: l}
	o.layout(c.width, c.height)
	return o
}

func (o *indexOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	o.list.SetSize(contentWidth(o.w), max(1, o.h-4))
	o.list.SetShowStatusBar(o.h >= 18) // on a small screen, room for terms instead
}

func (o *indexOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, o.c.keys.Popup.Follow):
			if it, ok := o.list.SelectedItem().(termItem); ok {
				return nil, openTermAction{term: it.t}
			}
			return nil, nil
		case kp.String() == "esc" && o.list.FilterState() != list.Filtering:
			return nil, closeAction{}
		case kp.String() == "esc" && o.list.FilterValue() == "":
			return nil, closeAction{}
		}
	}
	var cmd tea.Cmd
	o.list, cmd = o.list.Update(msg)
	return cmd, nil
}

func (o *indexOverlay) view() string {
	st := o.c.styles
	hint := "enter open · esc"
	title := st.PopupTitle.Render(fmt.Sprintf("Glossary · %d terms", len(o.c.pack.Glossary.Terms)))
	return box(st, title, hint, strings.Split(o.list.View(), "\n"), o.w, o.h)
}

// indexDelegate draws one entry per line: the term, with the letters that
// match the filter marked, and its kind.
type indexDelegate struct{ c *common }

func (indexDelegate) Height() int                         { return 1 }
func (indexDelegate) Spacing() int                        { return 0 }
func (indexDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d indexDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	st := d.c.styles
	t := item.(termItem).t
	style, cursor := st.Item, "  "
	if index == m.Index() {
		style, cursor = st.ItemSelected, "▸ "
	}
	var inTerm []int
	for _, r := range m.MatchesForItem(index) {
		if r < len([]rune(t.Term)) {
			inTerm = append(inTerm, r)
		}
	}
	name := lipgloss.StyleRunes(t.Term, inTerm, style.Underline(true), style)
	fmt.Fprint(w, spreadOptional(cursor+name, st.Dim.Render(t.Kind), m.Width()))
}

// termFilter ranks the terms that contain what was typed first (where it
// starts earliest, then the shortest term), then the other fuzzy matches:
// "isom" should find "institutional isomorphism" before "Democratic
// Socialists of America".
func termFilter(typed string, targets []string) []list.Rank {
	q := content.FoldText(typed)
	type hit struct {
		rank    list.Rank
		at, len int
	}
	var subs []hit
	seen := map[int]bool{}
	for i, t := range targets {
		f := content.FoldText(t)
		at := runeIndex(f, q)
		if len(q) == 0 || at < 0 {
			continue
		}
		idx := make([]int, len(q))
		for k := range idx {
			idx[k] = at + k
		}
		subs = append(subs, hit{list.Rank{Index: i, MatchedIndexes: idx}, at, len(f)})
		seen[i] = true
	}
	sort.SliceStable(subs, func(a, b int) bool {
		if subs[a].at != subs[b].at {
			return subs[a].at < subs[b].at
		}
		return subs[a].len < subs[b].len
	})
	out := make([]list.Rank, 0, len(targets))
	for _, h := range subs {
		out = append(out, h.rank)
	}
	for _, r := range list.DefaultFilter(typed, targets) {
		if !seen[r.Index] {
			out = append(out, r)
		}
	}
	return out
}

// runeIndex is where q first occurs in s, in runes, or -1.
func runeIndex(s, q []rune) int {
	for i := 0; i+len(q) <= len(s); i++ {
		if string(s[i:i+len(q)]) == string(q) {
			return i
		}
	}
	return -1
}
