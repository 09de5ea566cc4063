package tui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"studyguide/quiz"
)

// A whole session through the real Bubble Tea runtime: open chapter 2,
// scroll, search, go back, quit.
func TestFlowOpenScrollSearchBackQuit(t *testing.T) {
	m := New(testPack(t), Options{Theme: ThemeDark})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second))
	}
	wait("Ten warning signs")
	tm.Send(keyPress("j"))
	tm.Send(keyPress("enter"))
	wait("From this basic tension")
	tm.Send(keyPress("space"))
	wait("Accountability")
	tm.Type("/")
	tm.Type("Oyakawa")
	wait("1 of 3")
	tm.Send(keyPress("enter"))
	tm.Send(keyPress("q")) // the search was a look: back to where they read
	wait("2/8  Ten warning signs")
	tm.Send(keyPress("q"))
	wait("Continue")
	tm.Send(keyPress("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if final.screen != screenHome {
		t.Fatalf("ended on screen %d; want home", final.screen)
	}
	if pos := final.c.progress.Position; pos.Chapter != 2 {
		t.Fatalf("looking up Oyakawa in chapter 6 moved the saved place: %+v, want chapter 2", pos)
	}
	if final.c.progress.IsRead("6.1") {
		t.Fatalf("a search match marked chapter 6's first section read")
	}
}

// The quiz through the real runtime: answer, see the feedback, open the
// passage, come back, stop, and find the summary.
func TestFlowQuiz(t *testing.T) {
	qo := quiz.Options{Seed: 4, Limit: 3}
	pack := testPack(t)
	s, err := quiz.NewSession(pack.Quiz, qo) // the same seed: the same first item
	if err != nil {
		t.Fatal(err)
	}
	wrong := "1"
	if s.Current().Answer == pack.Quiz.Categories[0].ID {
		wrong = "2"
	}
	m := New(pack, Options{Theme: ThemeDark, Quiz: &qo, QuizTitle: "flow"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	wait := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(5*time.Second))
	}
	wait("Quiz · flow")
	tm.Send(keyPress(wrong))
	wait("✗ Not this time")
	tm.Send(keyPress("o"))
	wait("back to the quiz")
	tm.Send(keyPress("esc"))
	wait("read the passage")
	tm.Send(keyPress("q"))
	wait("Stopped after 1 of 3")
	tm.Send(keyPress("ctrl+c"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if rec := final.c.progress.Quiz.History; len(rec) != 1 || rec[0].Answered != 1 || rec[0].Correct != 0 {
		t.Fatalf("quiz history after the flow: %+v", rec)
	}
}
