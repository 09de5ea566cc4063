package tui

// The root model's keys: the global ones, then the active screen's, and the
// presenter's way out.

import (
	"errors"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"studyguide/quiz"
)

// handleKey gives keys to global bindings, then an open popup, then the
// active screen.
func (m Model) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Quit):
		if m.screen == screenPresent {
			m.present.record() // ctrl+c ends at once, keeping the room's place
		}
		return m, tea.Quit
	case m.top() != nil:
		cmd, act := m.top().update(msg)
		return m.act(act, cmd)
	case m.screen == screenPresent:
		return m.presentKey(msg)
	case m.screen == screenReader && m.reader.search.typing:
		return m.toScreen(msg)
	case key.Matches(msg, k.Help):
		m.overlays = append(m.overlays, newHelpOverlay(m.c, m.fullHelp()))
		return m, nil
	case key.Matches(msg, k.Glossary) && m.c.pack.Glossary != nil:
		m.overlays = append(m.overlays, newIndexOverlay(m.c))
		return m, nil
	case key.Matches(msg, k.Theme):
		m.c.toggled = true
		m.c.setDark(!m.c.styles.IsDark)
		m.c.progress.SetTheme(m.c.styles.Name)
		if m.inQuiz {
			m.quiz.layout()
		}
		cmd := m.reader.ensureRender()
		return m, cmd
	case m.screen == screenHome && key.Matches(msg, k.Home.Quit):
		return m, tea.Quit
	case m.screen == screenHome && key.Matches(msg, k.Home.Export):
		return m, m.exportCmd()
	case m.screen == screenHome && key.Matches(msg, k.Home.Map):
		m.overlays = append(m.overlays, newMapOverlay(m.c))
		return m, nil
	case m.screen == screenHome && key.Matches(msg, k.Home.Plan):
		m.overlays = append(m.overlays, newPlanOverlay(m.c))
		return m, nil
	case m.screen == screenReader && key.Matches(msg, k.Reader.Guide):
		m.overlays = append(m.overlays, newChapterGuideOverlay(m.c, m.c.pack.Chapters[m.reader.chapter]))
		return m, nil
	case m.screen == screenHome && key.Matches(msg, k.Home.Quiz):
		return m, startQuizCmd(quiz.Options{Mode: quiz.All}, "all scenarios")
	case m.screen == screenHome && key.Matches(msg, k.Home.Review):
		return m, startQuizCmd(quiz.Options{Mode: quiz.Review}, "review")
	case m.screen == screenReader && key.Matches(msg, k.Reader.Quiz):
		if m.inQuiz { // reading a passage from the quiz: z goes back to it
			return m.update(backMsg{})
		}
		ch := m.c.pack.Chapters[m.reader.chapter]
		return m, startQuizCmd(quiz.Options{Mode: quiz.Chapter, Chapter: ch.Number}, fmt.Sprintf("chapter %d", ch.Number))
	case m.screen == screenReader && key.Matches(msg, k.Reader.EditNotes):
		o, cmd := newNotesOverlay(m.c, m.c.pack.Chapters[m.reader.chapter])
		m.overlays = append(m.overlays, o)
		return m, cmd
	}
	return m.toScreen(msg)
}

// toScreen passes a message to the active screen.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.screen {
	case screenHome:
		*m.home, cmd = m.home.Update(msg)
	case screenReader:
		*m.reader, cmd = m.reader.Update(msg)
	case screenQuiz:
		m.quiz, cmd = m.quiz.Update(msg)
	case screenPresent:
		m.present, cmd = m.present.Update(msg)
	}
	return m, cmd
}

// presentKey handles a key in the presenter, whose own keys come first:
// t is its timer there, not the theme.
func (m Model) presentKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.c.keys
	switch {
	case key.Matches(msg, k.Present.Quit):
		if stake, what := m.present.atStake(); stake {
			m.overlays = append(m.overlays, newConfirmOverlay(m.c, "End the presentation?", what, quitAction{}))
			return m, nil
		}
		m.present.record()
		return m, tea.Quit
	case key.Matches(msg, k.Present.Help):
		m.overlays = append(m.overlays, newHelpOverlay(m.c, m.present.FullHelp()))
		return m, nil
	case key.Matches(msg, k.Glossary) && m.c.pack.Glossary != nil:
		m.overlays = append(m.overlays, newIndexOverlay(m.c))
		return m, nil
	}
	return m.toScreen(msg)
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
	if m.inQuiz {
		from = m.quiz.from // a new round from the summary goes back where the first began
	}
	m.reader.keys.Back = m.c.keys.Reader.Back
	m.quiz = newQuiz(m.c, s, msg.title, from)
	m.inQuiz = true
	m.setScreen(screenQuiz)
	return m, nil
}
