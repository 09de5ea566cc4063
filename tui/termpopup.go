package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// openTermMsg asks the root to show a glossary entry.
type openTermMsg struct{ term *content.Term }

// termOverlay is one glossary entry over the page: the definition in the
// essay's sense, outside context marked as such, related terms and the
// chapters it appears in. Related terms and chapters are links: Tab selects,
// Enter follows, Backspace comes back.
type termOverlay struct {
	c       *common
	term    *content.Term
	history []*content.Term
	links   []termLink
	sel     int // selected link, -1 for none
	s       scroller
	w, h    int
	// fromIndex says the entry was opened from the glossary index, which
	// ⌫ returns to.
	fromIndex bool
}

// termLink is a selectable line: a related entry, or the first place the
// term occurs in a chapter.
type termLink struct {
	line int
	term *content.Term
	para *content.Paragraph
}

// popupWidth is the widest a popup gets: a comfortable measure for a short
// definition; the presenter's are wider, for a room to read.
const popupWidth = 66

func (c *common) popupWidth() int {
	if c.projector {
		return 90
	}
	return popupWidth
}

func newTermOverlay(c *common, t *content.Term) *termOverlay {
	o := &termOverlay{c: c, term: t, sel: -1}
	o.layout(c.width, c.height)
	return o
}

func (o *termOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	o.s.height = max(1, o.h-4)
	o.build()
}

// build lays out the entry for the current width.
func (o *termOverlay) build() {
	st, t := o.c.styles, o.term
	width := contentWidth(o.w)
	wrap := lipgloss.NewStyle().Width(width)
	var lines []string
	add := func(s string) { lines = append(lines, strings.Split(s, "\n")...) }
	add(st.Dim.Render(t.Kind))
	add(wrap.Render(t.Definition))
	if t.Outside != "" {
		add("")
		add(st.Heading.Render("Outside the essay"))
		add(wrap.Render(st.Dim.Render(t.Outside)))
	}
	o.links = nil
	if len(t.Related) > 0 {
		add("")
		add(st.Heading.Render("Related"))
		for _, name := range t.Related {
			if rt, ok := o.c.pack.Glossary.Lookup(name); ok {
				o.links = append(o.links, termLink{line: len(lines), term: rt})
				add(name)
			}
		}
	}
	if chs := t.Chapters(); len(chs) > 0 {
		add("")
		add(st.Heading.Render("Appears in"))
		for _, ch := range chs {
			n := 0
			var first *content.Paragraph
			for _, p := range t.Occurrences {
				if p.Chapter == ch {
					n++
					if first == nil {
						first = p
					}
				}
			}
			o.links = append(o.links, termLink{line: len(lines), para: first})
			add(fmt.Sprintf("%d  %s", ch.Number, ch.Title) + st.Dim.Render(fmt.Sprintf("  ¶%d", first.Index+1)))
		}
	}
	for i, l := range lines {
		lines[i] = truncate(l, width)
	}
	o.s.lines = lines
	o.s.clamp()
}

func (o *termOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k := o.c.keys.Popup
	switch {
	case key.Matches(kp, k.Close):
		return nil, closeAction{}
	case key.Matches(kp, k.Back):
		if n := len(o.history); n > 0 {
			o.show(o.history[n-1])
			o.history = o.history[:n-1]
		}
	case key.Matches(kp, k.NextLink):
		o.step(1)
	case key.Matches(kp, k.PrevLink):
		o.step(-1)
	case key.Matches(kp, k.Follow):
		return nil, o.follow()
	default:
		o.s.scroll(kp, o.c.keys.Reader)
	}
	return nil, nil
}

// show replaces the entry on display.
func (o *termOverlay) show(t *content.Term) {
	o.term, o.sel, o.s.offset = t, -1, 0
	o.build()
}

func (o *termOverlay) step(dir int) {
	if len(o.links) == 0 {
		return
	}
	o.sel = (o.sel + dir + len(o.links) + 1) % (len(o.links) + 1) // one extra slot: nothing selected
	if o.sel == len(o.links) {
		o.sel = -1
		return
	}
	o.s.show(o.links[o.sel].line)
}

func (o *termOverlay) follow() action {
	if o.sel < 0 {
		return nil
	}
	l := o.links[o.sel]
	if l.term != nil {
		o.history = append(o.history, o.term)
		o.show(l.term)
		return nil
	}
	return jumpAction{para: l.para, term: o.term}
}

func (o *termOverlay) view() string {
	st := o.c.styles
	lines := append([]string(nil), o.s.lines...)
	if o.sel >= 0 {
		l := o.links[o.sel].line
		lines[l] = st.ItemSelected.Render("▸ " + ansi.Strip(lines[l]))
	}
	for _, ln := range o.links {
		if o.sel < 0 || ln.line != o.links[o.sel].line {
			lines[ln.line] = "  " + lines[ln.line]
		}
	}
	s := o.s
	s.lines = lines
	hint, widest := o.hint()
	return boxHint(st, st.PopupTitle.Render(o.term.Term), hint, widest, s.visible(), o.w, o.h)
}

// hint is the header's hint and the widest it gets as the entry scrolls:
// where it is scrolled to, ⌫ back, tab links, esc — on a narrow popup
// without "tab links", so that esc always shows.
func (o *termOverlay) hint() (string, int) {
	keys := []string{"tab links", "esc"}
	if len(o.history) > 0 || o.fromIndex {
		keys = []string{"⌫ back", "tab links", "esc"}
	}
	var hint string
	var widest int
	for _, short := range []bool{false, true} {
		ks := keys
		if short {
			ks = slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k == "tab links" })
		}
		hint = strings.Join(ks, " · ")
		widest = lipgloss.Width(hint)
		if p := o.s.position(); p != "" {
			hint = p + " · " + hint
			widest += lipgloss.Width(" · ") + o.s.widestPosition()
		}
		if widest <= contentWidth(o.w) {
			break
		}
	}
	return hint, widest
}
