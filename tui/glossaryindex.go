package tui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
)

// indexOverlay lists every glossary entry; typing filters (terms containing
// what was typed first, then fuzzy matches), the arrows move, Enter opens
// the entry. Every printable key goes to the filter, so no letter can do
// anything else (the list's own browsing keys, "v" quitting among them, are
// never used), and the filter runs at once on each key: no result of an
// earlier filter can arrive late.
type indexOverlay struct {
	c     *common
	input textinput.Model
	list  list.Model
	w, h  int
	// entry is the entry opened from the list, shown in the index's place:
	// ⌫ in it comes back to the list, esc closes both.
	entry *termOverlay
}

// termItem is one entry of the index; matched are the positions (in runes of
// the term) that the filter matched, to be marked.
type termItem struct {
	t       *content.Term
	matched []int
}

func (i termItem) FilterValue() string { return termTargets(i.t) }

// termTargets is what typing matches: the term first, then its variants.
func termTargets(t *content.Term) string {
	return strings.Join(append([]string{t.Term}, t.Variants...), " · ")
}

func newIndexOverlay(c *common) *indexOverlay {
	l := list.New(nil, indexDelegate{c: c}, 0, 0)
	l.SetShowTitle(false)
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.SetShowFilter(false)
	l.SetFilteringEnabled(false)
	l.DisableQuitKeybindings()
	l.InfiniteScrolling = false
	in := textinput.New()
	in.Prompt = "filter: "
	in.Placeholder = "type to filter"
	st := in.Styles()
	st.Cursor.Blink = false // a steady cursor, like search and notes
	in.SetStyles(st)
	in.Focus()
	o := &indexOverlay{c: c, input: in, list: l}
	o.refilter()
	o.layout(c.width, c.height)
	return o
}

// refilter shows the terms that match what was typed, best first, and
// selects the first.
func (o *indexOverlay) refilter() {
	terms := o.c.pack.Glossary.Terms
	var items []list.Item
	q := o.input.Value()
	if strings.TrimSpace(q) == "" {
		for _, t := range terms {
			items = append(items, termItem{t: t})
		}
	} else {
		targets := make([]string, len(terms))
		for i, t := range terms {
			targets[i] = termTargets(t)
		}
		for _, r := range termFilter(q, targets) {
			t := terms[r.Index]
			n := len([]rune(t.Term))
			var in []int
			for _, k := range r.MatchedIndexes {
				if k < n {
					in = append(in, k)
				}
			}
			items = append(items, termItem{t: t, matched: in})
		}
	}
	o.list.SetItems(items)
	o.list.Select(0)
}

func (o *indexOverlay) layout(w, h int) {
	if o.entry != nil {
		o.entry.layout(w, h)
	}
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	// room for the count ("86 of 86") beside what is typed
	o.input.SetWidth(max(1, contentWidth(o.w)-lipgloss.Width(o.input.Prompt)-11))
	o.list.SetSize(contentWidth(o.w), max(1, o.h-6))
}

func (o *indexOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	if o.entry != nil {
		return o.entryUpdate(msg)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Button == tea.MouseWheelUp {
			o.list.CursorUp()
		} else {
			o.list.CursorDown()
		}
		return nil, nil
	case tea.PasteMsg:
		msg.Content = strings.Join(strings.Fields(msg.Content), " ") // one line
		return o.edit(msg), nil
	case tea.KeyPressMsg:
		return o.key(msg)
	}
	return nil, nil
}

func (o *indexOverlay) key(kp tea.KeyPressMsg) (tea.Cmd, action) {
	k := o.c.keys.Index
	switch {
	case key.Matches(kp, k.Open):
		if it, ok := o.list.SelectedItem().(termItem); ok {
			o.entry = newTermOverlay(o.c, it.t)
			o.entry.fromIndex = true
		}
	case key.Matches(kp, k.Close):
		if o.input.Value() == "" {
			return nil, closeAction{}
		}
		o.input.SetValue("")
		o.refilter()
	case key.Matches(kp, k.Up):
		o.list.CursorUp()
	case key.Matches(kp, k.Down):
		o.list.CursorDown()
	case key.Matches(kp, k.PageUp):
		o.list.Paginator.PrevPage()
		o.list.Select(o.list.Paginator.Page * o.list.Paginator.PerPage)
	case key.Matches(kp, k.PageDown):
		o.list.Paginator.NextPage()
		o.list.Select(o.list.Paginator.Page * o.list.Paginator.PerPage)
	default:
		return o.edit(kp), nil
	}
	return nil, nil
}

// entryUpdate handles a message while an entry opened from the list is
// shown: ⌫ with no earlier entry to go back to comes back to the list, esc
// closes the entry and the index with it, and following a chapter link
// jumps.
func (o *indexOverlay) entryUpdate(msg tea.Msg) (tea.Cmd, action) {
	if kp, ok := msg.(tea.KeyPressMsg); ok && key.Matches(kp, o.c.keys.Popup.Back) && len(o.entry.history) == 0 {
		o.entry = nil
		return nil, nil
	}
	return o.entry.update(msg)
}

// edit gives a key or a paste to the filter and filters again if the text
// changed.
func (o *indexOverlay) edit(msg tea.Msg) tea.Cmd {
	before := o.input.Value()
	var cmd tea.Cmd
	o.input, cmd = o.input.Update(msg)
	if o.input.Value() != before {
		o.refilter()
	}
	return cmd
}

func (o *indexOverlay) view() string {
	if o.entry != nil {
		return o.entry.view()
	}
	st := o.c.styles
	inner := contentWidth(o.w)
	count := fmt.Sprintf("%d terms", len(o.list.Items()))
	if o.input.Value() != "" {
		count = fmt.Sprintf("%d of %d", len(o.list.Items()), len(o.c.pack.Glossary.Terms))
	}
	if len(o.list.Items()) == 0 {
		count = "no match"
	}
	filter := spreadOptional(o.input.View(), st.Dim.Render(count), inner)
	body := append([]string{truncate(filter, inner), ""}, strings.Split(o.list.View(), "\n")...)
	title := st.PopupTitle.Render(fmt.Sprintf("Glossary · %d terms", len(o.c.pack.Glossary.Terms)))
	return box(st, title, "enter open · esc", body, o.w, o.h)
}

// indexDelegate draws one entry per line: the term, with the letters that
// match the filter marked, and its kind.
type indexDelegate struct{ c *common }

func (indexDelegate) Height() int                         { return 1 }
func (indexDelegate) Spacing() int                        { return 0 }
func (indexDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d indexDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	st := d.c.styles
	it := item.(termItem)
	style, cursor := st.Item, "  "
	if index == m.Index() {
		style, cursor = st.ItemSelected, "▸ "
	}
	name := lipgloss.StyleRunes(it.t.Term, it.matched, style.Underline(true), style)
	fmt.Fprint(w, spreadOptional(cursor+name, st.Dim.Render(it.t.Kind), m.Width()))
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
