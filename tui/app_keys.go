package tui

// The root model's keys: the global ones, then the active screen's, and the
// presenter's way out.

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/quiz"
)

// handleKey gives keys to global bindings, then an open popup, then the
// active screen. A screen that takes every key (the presenter, whose t is
// its timer; the reader while a search is typed) gets them before the
// global ones.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Quit):
		if m.present != nil {
			m.present.record() // ctrl+c ends at once, keeping the room's place
		}
		return m, tea.Quit
	case m.top() != nil:
		cmd, act := m.top().update(msg)
		return m.act(act, cmd)
	case m.screen == screenPresent || m.reader.typing() && m.screen == screenReader:
		return m.toScreen(msg)
	case key.Matches(msg, k.Help):
		m.overlays = append(m.overlays, newHelpOverlay(m.c, m.page().help()))
		return m, nil
	case key.Matches(msg, k.Glossary) && m.c.pack.Glossary != nil:
		m.overlays = append(m.overlays, newIndexOverlay(m.c))
		return m, nil
	case key.Matches(msg, k.Theme):
		m.c.toggled = true
		m.c.setDark(!m.c.styles.IsDark)
		m.c.progress.SetTheme(m.c.styles.Name)
		return m, m.restyle()
	}
	return m.toScreen(msg)
}

// restyle lays the screens out again in the theme now in common.
func (m Model) restyle() tea.Cmd {
	if m.inQuiz {
		m.quiz.layout()
	}
	return m.reader.ensureRender()
}

// toScreen passes a message to the active screen.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	return m, m.page().update(msg)
}

// startQuiz starts a session, or says why there is none.
func (m Model) startQuiz(msg quizStartMsg) (tea.Model, tea.Cmd) {
	opts := msg.opts
	opts.Cards = m.c.progress.QuizCards()
	s, err := quiz.NewSession(m.c.pack.Quiz, opts)
	if err != nil {
		text := err.Error() + "."
		if errors.Is(err, quiz.ErrNothingDue) {
			text = quiz.NothingDue(opts.Cards, m.c.pack.Quiz, time.Now())
		}
		m.overlays = append(m.overlays, newMessageOverlay(m.c, "Quiz", text))
		return m, nil
	}
	from := m.screen
	switch {
	case msg.fixed:
		from = msg.from
	case m.inQuiz:
		from = m.quiz.from // a new round from the summary goes back where the first began
	}
	m.reader.resetBackKey()
	q := newQuiz(m.c, s, msg.title, from)
	m.quiz = &q
	m.inQuiz = true
	m.setScreen(screenQuiz)
	return m, nil
}
