package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// popup is a box drawn over the page: a title and a body that scrolls when
// it is taller than the screen allows. It handles its own keys and tells the
// parent, through closed, when the reader is done with it.
type popup struct {
	title  string
	body   []string // lines, already wrapped to the popup's width
	offset int
	closed bool
	// build lays the body out for an inner width; it is called again when
	// the terminal is resized.
	build func(width int) string
}

func newPopup(title string, build func(width int) string) *popup {
	return &popup{title: title, build: build}
}

// layout (re)builds the body for a screen width.
func (p *popup) layout(screenWidth int) {
	p.body = strings.Split(p.build(max(1, screenWidth-4)), "\n")
}

// update scrolls or closes the popup.
func (p *popup) update(msg tea.KeyPressMsg, k KeyMap, height int) {
	page := max(1, p.bodyHeight(height)-1)
	switch {
	case key.Matches(msg, k.Popup.Close):
		p.closed = true
	case key.Matches(msg, k.Reader.Down):
		p.offset++
	case key.Matches(msg, k.Reader.Up):
		p.offset--
	case key.Matches(msg, k.Reader.PageDown):
		p.offset += page
	case key.Matches(msg, k.Reader.PageUp):
		p.offset -= page
	case key.Matches(msg, k.Reader.Top):
		p.offset = 0
	case key.Matches(msg, k.Reader.Bottom):
		p.offset = len(p.body)
	}
	p.offset = max(0, min(p.offset, len(p.body)-p.bodyHeight(height)))
}

// bodyHeight is how many body lines fit on a screen of the given height:
// the frame, the title and a blank line take four.
func (p *popup) bodyHeight(height int) int { return max(1, height-4) }

// view draws the popup for a screen of the given size.
func (p *popup) view(st *Styles, width, height int) string {
	h := min(len(p.body), p.bodyHeight(height))
	off := max(0, min(p.offset, len(p.body)-h))
	lines := p.body[off : off+h]
	title := st.PopupTitle.Render(p.title)
	hint := "esc close"
	if len(p.body) > h {
		hint = fmt.Sprintf("%d–%d of %d · j/k esc", off+1, off+h, len(p.body))
	}
	inner := max(lipgloss.Width(strings.Join(lines, "\n")), lipgloss.Width(title)+2+lipgloss.Width(hint))
	inner = min(inner, max(1, width-4))
	head := spreadOptional(title, st.Dim.Render(hint), inner)
	return st.Popup.Width(inner + 4).Render(head + "\n\n" + strings.Join(lines, "\n"))
}
