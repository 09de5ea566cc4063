package tui

import (
	tea "charm.land/bubbletea/v2"

	"studyguide/content"
)

// refocus marks the focused term on top of the other marks.
func (m *readerModel) refocus() {
	m.lines = m.searchLines
	if m.r != nil && m.focus >= 0 && m.focus < len(m.r.terms) {
		m.lines = decorate(m.searchLines, m.r.terms[m.focus].spans, m.c.styles.TermFocus)
	}
}

// termVisible reports whether a term's first line is on screen.
func (m readerModel) termVisible(i int) bool {
	l := m.r.terms[i].spans[0].line
	top := m.vp.YOffset()
	return l >= top && l < top+m.vp.Height()
}

// stepTerm moves the focus to the next or previous glossary term. From no
// focus, or a focus scrolled out of view, it starts at the first (or last)
// term on screen; the page scrolls to keep the focus visible.
func (m *readerModel) stepTerm(dir int) {
	if m.r == nil || len(m.r.terms) == 0 {
		return
	}
	n := len(m.r.terms)
	if m.focus >= 0 && m.focus < n && m.termVisible(m.focus) {
		m.focus = max(0, min(n-1, m.focus+dir))
	} else {
		m.focus = m.firstOnScreen(dir)
	}
	if !m.termVisible(m.focus) {
		m.vp.SetYOffset(m.r.terms[m.focus].spans[0].line - m.vp.Height()/3)
		m.moved()
	}
	m.refocus()
}

// firstOnScreen is the first term on screen (last, going back), or the next
// one below (above) when none is visible.
func (m readerModel) firstOnScreen(dir int) int {
	top, bottom := m.vp.YOffset(), m.vp.YOffset()+m.vp.Height()
	pick := -1
	for i, t := range m.r.terms {
		l := t.spans[0].line
		switch {
		case dir > 0 && l >= top && pick < 0:
			pick = i
		case dir < 0 && l < bottom:
			pick = i
		}
	}
	if pick < 0 {
		if dir > 0 {
			return len(m.r.terms) - 1
		}
		return 0
	}
	return pick
}

// focusFirst focuses the first occurrence of a term at or after an anchor,
// scrolling it into view.
func (m *readerModel) focusFirst(t *content.Term, a *anchor) {
	from := 0
	if a != nil && a.para < len(m.r.paraLine) {
		from = m.r.paraLine[a.para]
	}
	for i, tm := range m.r.terms {
		if tm.term == t && tm.spans[0].line >= from {
			m.focus = i
			if !m.termVisible(i) {
				m.vp.SetYOffset(tm.spans[0].line - m.vp.Height()/3)
				m.settle()
			}
			m.refocus()
			return
		}
	}
}

// openFocused asks for the focused term's entry.
func (m readerModel) openFocused() tea.Cmd {
	if m.r == nil || m.focus < 0 || m.focus >= len(m.r.terms) || !m.termVisible(m.focus) {
		return nil
	}
	t := m.r.terms[m.focus].term
	return func() tea.Msg { return openTermMsg{term: t} }
}

// click opens the term under the mouse, if there is one.
func (m *readerModel) click(x, y int) tea.Cmd {
	if m.r == nil {
		return nil
	}
	showTitle, _, _ := m.chrome()
	if showTitle {
		y--
	}
	if y < 0 || y >= m.vp.Height() {
		return nil
	}
	line := m.vp.YOffset() + y
	col := x - max(0, (m.width-m.vp.Width())/2)
	for i, tm := range m.r.terms {
		for _, sp := range tm.spans {
			if sp.line == line && col >= sp.start && col < sp.end {
				m.focus = i
				m.refocus()
				return m.openFocused()
			}
		}
	}
	return nil
}

// jumpTo opens a paragraph with a term in it focused.
func (m *readerModel) jumpTo(p *content.Paragraph, t *content.Term) tea.Cmd {
	m.focusTerm = t
	cmd := m.open(p.Chapter.Number-1, p.ID)
	if m.focusTerm != nil && m.r != nil && m.anchor == nil { // already on screen: focus now
		m.focusTerm = nil
		m.focusFirst(t, &anchor{para: m.paraIndex(p), hit: -1})
	}
	return cmd
}
