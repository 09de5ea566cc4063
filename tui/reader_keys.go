package tui

// The reader's keys: scrolling, sections and chapters, and the way back from
// a look.

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/quiz"
)

func (m readerModel) handleKey(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	k, c := m.keys, m.c
	ch := m.c.pack.Chapters[m.chapter]
	switch {
	case key.Matches(msg, c.keys.Reader.Guide):
		return m, show(func() overlay { return newChapterGuideOverlay(c, ch) })
	case key.Matches(msg, c.keys.Reader.Quiz):
		if m.peek != nil && m.peek.quiz { // reading a passage from the quiz: z goes back to it
			return m, func() tea.Msg { return backMsg{} }
		}
		return m, startQuizCmd(quiz.Options{Mode: quiz.Chapter, Chapter: ch.Number}, fmt.Sprintf("chapter %d", ch.Number))
	case key.Matches(msg, c.keys.Reader.EditNotes):
		return m, func() tea.Msg {
			return showMsg{func() (overlay, tea.Cmd) { return newNotesOverlay(c, ch) }}
		}
	case key.Matches(msg, k.ClearSearch) && m.search.active():
		m.search.clear()
		m.redecorate()
		return m, nil // not a move: a look stays a look
	case key.Matches(msg, k.Back):
		if p := m.peek; p != nil && !p.quiz {
			m.peek = nil
			if p.from != nil { // back to where they were reading
				m.search.clear()
				m.redecorate()
				return m, m.openAt(p.from.chapter, p.from.at)
			}
		}
		return m, func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.Search):
		cmd := m.startSearch()
		return m, cmd
	case key.Matches(msg, k.NextMatch) && m.search.active():
		cmd := m.stepMatch(1)
		return m, cmd
	case key.Matches(msg, k.PrevMatch) && m.search.active():
		cmd := m.stepMatch(-1)
		return m, cmd
	case key.Matches(msg, k.NextTerm):
		m.stepTerm(1)
		return m, nil
	case key.Matches(msg, k.PrevTerm):
		m.stepTerm(-1)
		return m, nil
	case key.Matches(msg, k.OpenTerm):
		return m, m.openFocused()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	case key.Matches(msg, k.NextSection):
		cmd := m.stepSection(1)
		return m, cmd
	case key.Matches(msg, k.PrevSection):
		cmd := m.stepSection(-1)
		return m, cmd
	case key.Matches(msg, k.NextChapter):
		if m.chapter+1 < len(m.c.pack.Chapters) {
			cmd := m.openAt(m.chapter+1, &anchor{hit: -1})
			return m, cmd
		}
	case key.Matches(msg, k.PrevChapter):
		if m.chapter > 0 {
			cmd := m.openAt(m.chapter-1, &anchor{hit: -1})
			return m, cmd
		}
	default:
		m.vp, _ = m.vp.Update(msg)
	}
	m.moved()
	return m, nil
}

// stepSection moves to the start of the next or previous section, crossing
// into the neighbouring chapter at either end.
func (m *readerModel) stepSection(dir int) tea.Cmd {
	if m.r == nil {
		return nil
	}
	ch := m.c.pack.Chapters[m.chapter]
	paras := ch.Paragraphs()
	var starts []int // paragraph index of each section start
	for i, p := range paras {
		if i == 0 || paras[i-1].Section != p.Section {
			starts = append(starts, i)
		}
	}
	cur := 0
	top := m.vp.YOffset()
	for si, pi := range starts {
		if m.r.paraLine[pi] <= top {
			cur = si
		}
	}
	target := cur + dir
	if dir < 0 && m.r.paraLine[starts[cur]] < top {
		target = cur // back to the start of the section we are in
	}
	switch {
	case target >= len(starts):
		if m.chapter+1 < len(m.c.pack.Chapters) {
			return m.openAt(m.chapter+1, &anchor{hit: -1})
		}
		m.vp.GotoBottom()
	case target < 0:
		if m.chapter > 0 {
			prev := m.c.pack.Chapters[m.chapter-1]
			last := prev.Sections[len(prev.Sections)-1].Paragraphs[0]
			return m.openAt(m.chapter-1, &anchor{para: m.paraIndex(last), hit: -1})
		}
		m.vp.GotoTop()
	default:
		m.vp.SetYOffset(m.r.paraLine[starts[target]])
	}
	m.moved()
	return nil
}
