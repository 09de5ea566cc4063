package tui

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/quiz"
)

func quizHarness(t *testing.T, w, h int, qo quiz.Options) *harness {
	t.Helper()
	hs := newHarness(t, w, h, Options{Quiz: &qo, QuizTitle: "test"})
	if hs.m.screen != screenQuiz {
		t.Fatalf("the quiz did not start:\n%s", hs.screen())
	}
	return hs
}

// key is the digit that answers the current item right (first category "1").
func rightKey(hs *harness) string {
	sc := hs.m.quiz.s.Current()
	for i, c := range hs.m.c.pack.Quiz.Categories {
		if c.ID == sc.Answer {
			return fmt.Sprint(i + 1)
		}
	}
	return "?"
}

func wrongKey(hs *harness) string {
	if rightKey(hs) == "1" {
		return "2"
	}
	return "1"
}

// signKey is the digit of a sign the current item shows (or, wrong, one it
// does not).
func signKey(hs *harness, sc *content.Scenario, right bool) string {
	for i, sg := range hs.m.c.pack.Quiz.Signs {
		tagged := false
		for _, id := range sc.Signs {
			tagged = tagged || id == sg.ID
		}
		if tagged == right {
			return optionKey(i)
		}
	}
	return "?"
}

// advanceTo skips items until one of the wanted category is on screen.
func advanceTo(t *testing.T, hs *harness, category string) *content.Scenario {
	t.Helper()
	for range 40 {
		sc := hs.m.quiz.s.Current()
		if sc.Answer == category {
			return sc
		}
		hs.keys(wrongKey(hs))
		if hs.m.quiz.s.Step() == quiz.AwaitSign {
			hs.keys("1")
		}
		hs.keys("enter")
	}
	t.Fatalf("no %s item in 40", category)
	return nil
}

func TestQuizAnswerRightShowsExplanationAndPassage(t *testing.T) {
	hs := quizHarness(t, 100, 40, quiz.Options{Seed: 3})
	sc := advanceTo(t, hs, "mass")
	hs.mustSee(flatten(sc.Text)[:30], "NGO-like or Mass-organization-like?", "1  NGO-like")
	hs.keys(rightKey(hs))
	hs.mustSee("✓ Right: Mass-organization-like")
	s := strings.Join(strings.Fields(hs.screen()), " ")
	if !strings.Contains(s, strings.Fields(sc.Explanation)[0]+" "+strings.Fields(sc.Explanation)[1]) {
		t.Fatalf("explanation not shown:\n%s", hs.screen())
	}
	if !strings.Contains(s, fmt.Sprintf("chapter %d", sc.Chapter)) || !strings.Contains(s, "“"+strings.Join(strings.Fields(sc.Passage)[:4], " ")) {
		t.Fatalf("passage and its chapter not shown:\n%s", hs.screen())
	}
	hs.keys("enter")
	if hs.m.quiz.s.Index() == 0 {
		t.Fatal("enter did not move on")
	}
}

func TestQuizWrongAnswerIsMarkedByMoreThanColour(t *testing.T) {
	hs := quizHarness(t, 80, 24, quiz.Options{Seed: 4})
	hs.keys(wrongKey(hs))
	hs.mustSee("✗ Not this time.")
	if hs.m.quiz.s.Step() != quiz.Answered {
		t.Fatal("a wrong classification should not ask the sign")
	}
}

func TestQuizFollowUpAsksTheSign(t *testing.T) {
	for _, right := range []bool{true, false} {
		hs := quizHarness(t, 100, 40, quiz.Options{Seed: 5})
		sc := advanceTo(t, hs, "ngo")
		// arrows and enter answer too: nothing is preselected, so the first
		// down reaches choice 1
		hs.keys("down")
		if rightKey(hs) == "2" {
			hs.keys("down")
		}
		hs.keys("enter")
		hs.mustSee("✓ Right: NGO-like", "Which of the warning signs does it show?", "0  Technocrats; cultural rift")
		hs.mustNotSee("Shows:") // the explanation names the sign: not yet
		hs.keys(signKey(hs, sc, right))
		if right {
			hs.mustSee("✓ Yes: ")
		} else {
			hs.mustSee("✗ Not ")
		}
		hs.mustSee("Shows: ")
		if got := hs.m.quiz.s.Summary().Correct; (got == 1) != right {
			t.Fatalf("right=%v: summary counts %d right", right, got)
		}
	}
}

// Nothing is recorded that the reader did not choose: Enter pressed twice
// after the feedback moves on once and answers nothing; at the sign step
// Enter alone answers nothing either.
func TestQuizEnterNeverAnswersForTheReader(t *testing.T) {
	hs := quizHarness(t, 80, 24, quiz.Options{Seed: 7})
	hs.keys("1")
	if hs.m.quiz.s.Step() == quiz.AwaitSign {
		hs.keys("9")
	}
	hs.keys("enter", "enter") // next item, then a second Enter by habit
	if got := hs.m.quiz.s.Summary().Answered; got != 1 {
		t.Fatalf("double enter: %d answers recorded, want 1 (the one given)", got)
	}
	hs.mustNotSee("▸ 1", "▸ 2", "Not this time")
	advanceTo(t, hs, "ngo")
	hs.keys(rightKey(hs), "enter", "enter")
	if hs.m.quiz.s.Step() != quiz.AwaitSign || hs.m.quiz.sres != nil {
		t.Fatalf("enter at the sign step answered it for the reader")
	}
	hs.keys("up", "enter") // moving to a choice, then Enter, does answer
	if hs.m.quiz.s.Step() == quiz.AwaitSign {
		t.Fatalf("up then enter did not answer the sign")
	}
}

func TestQuizSignsListInFull(t *testing.T) {
	hs := quizHarness(t, 100, 40, quiz.Options{Seed: 5})
	advanceTo(t, hs, "ngo")
	hs.keys(rightKey(hs), "s")
	hs.mustSee("The warning signs", "1. Overwork culture")
	hs.keys("esc")
	hs.mustSee("Which of the warning signs does it show?")
}

func TestQuizOpensThePassageAndComesBack(t *testing.T) {
	hs := quizHarness(t, 100, 30, quiz.Options{Seed: 6})
	sc := hs.m.quiz.s.Current()
	hs.keys(wrongKey(hs), "o")
	if hs.m.screen != screenReader || hs.m.reader.chapter != sc.Chapter-1 {
		t.Fatalf("o should open chapter %d in the reader (screen %d, chapter %d)", sc.Chapter, hs.m.screen, hs.m.reader.chapter+1)
	}
	// the passage's paragraph is on screen
	para := strings.Join(strings.Fields(sc.Paragraph.Text)[:5], " ")
	if !strings.Contains(strings.Join(strings.Fields(hs.screen()), " "), para) {
		t.Fatalf("the paragraph %s is not on screen:\n%s", sc.ParagraphID, hs.screen())
	}
	hs.mustSee("back to the quiz")
	hs.keys("j", "j", "esc")
	if hs.m.screen != screenQuiz || hs.m.quiz.s.Current() != sc || hs.m.quiz.res == nil {
		t.Fatal("esc should return to the quiz at the same item, feedback still shown")
	}
	hs.mustSee("✗ Not this time.")
	hs.keys("enter", "q", "enter")
	if hs.m.screen != screenHome {
		t.Fatalf("after the summary, enter should go home (screen %d)", hs.m.screen)
	}
	// the reader's back key is the usual one again
	hs.keys("enter")
	hs.mustNotSee("back to the quiz")
}

func TestQuizSummaryAfterStoppingEarly(t *testing.T) {
	hs := quizHarness(t, 100, 50, quiz.Options{Seed: 7, Limit: 6})
	missed := hs.m.quiz.s.Current()
	hs.keys(wrongKey(hs), "enter")
	sc := advanceTo(t, hs, "ngo")
	hs.keys(rightKey(hs), signKey(hs, sc, true), "enter")
	hs.keys("j", "j", "j", "q")
	if hs.m.quiz.body.offset != 0 {
		t.Fatal("the summary should open at its top, the score")
	}
	hs.mustSee("Stopped after", "Classification", "Missed (", "Chapters to reread", "r review missed")
	hs.mustSee(truncate(flatten(missed.Text), 40)[:30])
	if !strings.Contains(hs.screen(), "█") {
		t.Fatalf("no bars in the summary:\n%s", hs.screen())
	}
	// the session was kept in progress, and the missed item is due
	st := hs.m.c.progress
	if len(st.Quiz.History) != 1 || st.Quiz.History[0].Answered < 2 {
		t.Fatalf("history: %+v", st.Quiz.History)
	}
	if c := st.QuizCards()[missed.ID]; c.Box != 1 {
		t.Fatalf("the missed item's card: %+v", c)
	}
	hs.keys("enter") // home
	hs.mustSee("3 due for review")
	hs.keys("r")
	if hs.m.screen != screenQuiz || hs.m.quiz.s.Mode() != quiz.Review || hs.m.quiz.s.Current() == nil {
		t.Fatal("r should start a review")
	}
	found := false
	for _, it := range hs.m.quiz.s.Items() {
		found = found || it.ID == missed.ID
	}
	if !found {
		t.Fatal("the missed item is not in the review")
	}
}

func TestQuizFromAChapterAndNothingDue(t *testing.T) {
	hs := newHarness(t, 80, 24, Options{Chapter: 2})
	hs.keys("z")
	if hs.m.screen != screenQuiz || hs.m.quiz.s.Mode() != quiz.Chapter {
		t.Fatal("z in the reader should quiz on the chapter")
	}
	for _, it := range hs.m.quiz.s.Items() {
		if it.Chapter != 2 {
			t.Fatalf("item %s is on chapter %d", it.ID, it.Chapter)
		}
	}
	hs.keys("q", "enter")
	if hs.m.screen != screenReader {
		t.Fatal("leaving a chapter quiz returns to the reader")
	}
	hs = newHarness(t, 80, 24, Options{Progress: progress.New()})
	hs.keys("r")
	hs.mustSee("Nothing is due for review yet")
}

// Every scenario's passage opens the reader with its paragraph on screen,
// and the quiz comes back at the same item — at 80x24 and at 40x12.
func TestEveryPassageOpensTheRightPlace(t *testing.T) {
	layoutOnly(t)
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		hs := quizHarness(t, size[0], size[1], quiz.Options{Seed: 9})
		n := hs.m.quiz.s.Len()
		for i := range n {
			sc := hs.m.quiz.s.Current()
			hs.keys(wrongKey(hs), "o")
			if hs.m.screen != screenReader || hs.m.reader.chapter != sc.Chapter-1 {
				t.Fatalf("%dx%d %s: o opened chapter %d", size[0], size[1], sc.ID, hs.m.reader.chapter+1)
			}
			top := hs.m.reader.vp.YOffset()
			line := hs.m.reader.r.paraLine[hs.m.reader.paraIndex(sc.Paragraph)]
			if line < top || line >= top+hs.m.reader.vp.Height() {
				t.Fatalf("%dx%d %s: paragraph %s starts at line %d, screen shows %d–%d",
					size[0], size[1], sc.ID, sc.ParagraphID, line, top, top+hs.m.reader.vp.Height())
			}
			checkFits(t, hs.m.View().Content, size[0], size[1])
			hs.keys("esc")
			if hs.m.screen != screenQuiz || hs.m.quiz.s.Index() != i {
				t.Fatalf("%s: esc did not come back to item %d", sc.ID, i+1)
			}
			checkFits(t, hs.m.View().Content, size[0], size[1])
			hs.keys("enter")
		}
		hs.mustSee("Finished: 0 of 88 right")
	}
}
