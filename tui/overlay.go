package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
)

// overlay is a box drawn over the screen (help, a glossary entry, the
// glossary index). While open it gets the keys; it never changes the screen
// beneath itself but returns an action for the root to carry out.
type overlay interface {
	update(msg tea.Msg) (tea.Cmd, action)
	// layout fits the overlay to a new terminal size.
	layout(width, height int)
	view() string
}

// action is what an overlay asks of the root.
type action interface{}

// closeAction closes the overlay on top.
type closeAction struct{}

// openTermAction opens a glossary entry over everything.
type openTermAction struct{ term *content.Term }

// jumpAction closes every overlay and shows a paragraph in the reader, with
// a glossary term in it focused.
type jumpAction struct {
	para *content.Paragraph
	term *content.Term
}

// scroller is a body of lines seen through a window of some height.
type scroller struct {
	lines  []string
	offset int
	height int
}

func (s *scroller) clamp() { s.offset = max(0, min(s.offset, len(s.lines)-s.height)) }

// scroll handles the scrolling keys; it reports whether the key was one.
func (s *scroller) scroll(msg tea.KeyPressMsg, k ReaderKeys) bool {
	page := max(1, s.height-1)
	switch {
	case key.Matches(msg, k.Down):
		s.offset++
	case key.Matches(msg, k.Up):
		s.offset--
	case key.Matches(msg, k.PageDown):
		s.offset += page
	case key.Matches(msg, k.PageUp):
		s.offset -= page
	case key.Matches(msg, k.Top):
		s.offset = 0
	case key.Matches(msg, k.Bottom):
		s.offset = len(s.lines)
	default:
		return false
	}
	s.clamp()
	return true
}

// show scrolls just enough for a line to be in the window.
func (s *scroller) show(line int) {
	if line < s.offset {
		s.offset = line
	} else if line >= s.offset+s.height {
		s.offset = line - s.height + 1
	}
	s.clamp()
}

func (s *scroller) visible() []string {
	s.clamp()
	return s.lines[s.offset:min(len(s.lines), s.offset+s.height)]
}

// position says which lines are shown when not all of them are.
func (s *scroller) position() string {
	if len(s.lines) <= s.height {
		return ""
	}
	return fmt.Sprintf("%d–%d of %d", s.offset+1, min(len(s.lines), s.offset+s.height), len(s.lines))
}

// widestPosition is the widest position can be for these lines ("47–47 of
// 47"), so what is laid out around it need not move as it changes.
func (s *scroller) widestPosition() int {
	if len(s.lines) <= s.height {
		return 0
	}
	n := len(fmt.Sprint(len(s.lines)))
	return 3*n + 5 // n, the dash, n, " of ", n
}

// box draws an overlay frame: a title line, a blank line and the body, at
// most width × height cells.
func box(st *Styles, title, hint string, body []string, width, height int) string {
	return boxHint(st, title, hint, lipgloss.Width(hint), body, width, height)
}

// boxHint is box for a hint that changes as the body scrolls ("1–8 of 47"
// becomes "40–47 of 47"): widest is the most it may take, so the hint
// stays beside the title or under it while the body scrolls, never moving
// from one to the other.
func boxHint(st *Styles, title, hint string, widest int, body []string, width, height int) string {
	inner := max(1, width-4) // border and padding
	// The hint goes beside the title, or under it when a narrow screen
	// leaves no room: how to scroll and close must always show.
	second := ""
	if lipgloss.Width(title)+2+max(widest, lipgloss.Width(hint)) > inner {
		second = truncate(st.Dim.Render(hint), inner)
	} else {
		title = spreadOptional(title, st.Dim.Render(hint), inner)
	}
	lines := append([]string{truncate(title, inner), second}, body...)
	if len(lines) > max(1, height-2) {
		lines = lines[:max(1, height-2)]
	}
	for i, l := range lines {
		lines[i] = truncate(l, inner) // a line too wide would wrap, and the box grow
	}
	return st.Popup.Width(inner + 4).Render(strings.Join(lines, "\n"))
}

// boxSize is the largest box for a screen: the width given, kept inside
// the screen with a margin where there is room.
func boxSize(screenW, screenH, want int) (int, int) {
	w := min(want, screenW)
	if screenW-w < 4 && screenW > 24 {
		w = screenW - 4
	}
	return max(w, 1), max(screenH, 1)
}

// contentWidth is the body width of a box of outer width w.
func contentWidth(w int) int { return max(1, w-4) }

// helpOverlay is the full list of keys for the screen underneath.
type helpOverlay struct {
	c      *common
	groups [][]key.Binding
	note   string // a line under the keys ("" for none)
	s      scroller
	w, h   int
}

func newHelpOverlay(c *common, groups [][]key.Binding) *helpOverlay {
	o := &helpOverlay{c: c, groups: groups}
	o.layout(c.width, c.height)
	return o
}

func (o *helpOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, w)
	o.s.lines = strings.Split(helpBody(o.c, o.groups, contentWidth(o.w)), "\n")
	keysW := lipgloss.Width(strings.Join(o.s.lines, "\n"))
	if o.note != "" {
		o.s.lines = append(o.s.lines, "")
		o.s.lines = append(o.s.lines, strings.Split(wrapText(o.note, max(1, min(keysW, contentWidth(o.w)))), "\n")...)
	}
	o.w = min(o.w, keysW+4)
	o.w = max(o.w, min(w, 30))
	o.s.height = max(1, o.h-4)
}

func (o *helpOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(kp, o.c.keys.Popup.Close) {
		return nil, closeAction{}
	}
	o.s.scroll(kp, o.c.keys.Reader)
	return nil, nil
}

func (o *helpOverlay) view() string {
	hint := "esc close"
	if p := o.s.position(); p != "" {
		hint = p + " · j/k · esc"
	}
	widest := lipgloss.Width(hint) - lipgloss.Width(o.s.position()) + o.s.widestPosition()
	return boxHint(o.c.styles, o.c.styles.PopupTitle.Render("Keys"), hint, widest, o.s.visible(), o.w, o.h)
}
