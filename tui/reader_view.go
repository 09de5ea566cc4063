package tui

// The reader's screen as drawn: the title bar, the page, the status bar and
// the help line.

import (
	"fmt"
	"strings"
)

func (m readerModel) titleBar() string {
	st := m.c.styles
	ch := m.c.pack.Chapters[m.chapter]
	left := fmt.Sprintf(" %d/%d  %s", ch.Number, len(m.c.pack.Chapters), ch.Title)
	right := ""
	if m.r != nil && len(m.r.paraLine) > 0 {
		if sec := ch.Paragraphs()[m.topParagraph()].Section; sec.Title != ch.Title {
			right = "§ " + sec.Title + " "
		}
	}
	return st.TitleBar.Render(spreadOptional(left, right, m.width))
}

func (m readerModel) body() string {
	h := m.vp.Height()
	if m.err != nil {
		return fill(m.c.styles.Error.Render(" Could not render this chapter: "+m.err.Error()), h)
	}
	if m.r == nil {
		return fill(m.c.styles.Dim.Render(" Rendering…"), h)
	}
	// The lines are already cut to the column, so they are sliced here
	// rather than through viewport.View, which re-wraps every line on every
	// frame (half the cost of a key press at 120x40). The viewport still
	// owns the scrolling.
	pad := strings.Repeat(" ", max(0, (m.width-m.vp.Width())/2))
	var b strings.Builder
	top := m.vp.YOffset()
	for i := range h {
		if i > 0 {
			b.WriteByte('\n')
		}
		if top+i < len(m.lines) {
			b.WriteString(pad)
			b.WriteString(m.lines[top+i])
		}
	}
	return b.String()
}

// fill pads s with empty lines to exactly h lines.
func fill(s string, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines[:h], "\n")
}

func (m readerModel) statusBar() string {
	st := m.c.styles
	if m.search.typing {
		return spread(m.search.input.View(), st.StatusInfo.Render(m.search.countText())+" ", m.width)
	}
	pos := ""
	if m.r != nil {
		pos = m.percent()
		if len(m.r.paraLine) > 0 {
			p := m.c.pack.Chapters[m.chapter].Paragraphs()[m.topParagraph()]
			pos = fmt.Sprintf("¶%d · %s", p.Index+1, pos)
		}
	}
	right := pos + " "
	if m.c.store != nil && m.c.store.Off() != nil {
		right = st.Error.Render("not saving") + st.StatusBar.Render(" · ") + st.StatusBar.Render(right)
	}
	left := ""
	if m.search.active() {
		left = " " + st.StatusInfo.Render(fmt.Sprintf("“%s” %s", m.search.query, m.search.countText()))
		if m.search.total() > 0 {
			left += st.StatusBar.Render(" · n/N")
		}
	}
	return spread(left, st.StatusBar.Render(right), m.width)
}

// percent is how far through the chapter the bottom of the screen is, the
// way less shows it.
func (m readerModel) percent() string {
	total := m.vp.TotalLineCount()
	switch {
	case total <= m.vp.Height():
		return "all"
	case m.vp.AtTop():
		return "top"
	case m.vp.AtBottom():
		return "end"
	}
	return fmt.Sprintf("%d%%", (m.vp.YOffset()+m.vp.Height())*100/total)
}
