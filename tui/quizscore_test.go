package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/quiz"
)

// plainAnswers are the lines that answer a session's items in the plain
// quiz: right where right[i], else wrong (the other category).
func plainAnswers(bank *content.QuizBank, items []*content.Scenario, right []bool) []string {
	var in []string
	for i, sc := range items {
		c := slices.IndexFunc(bank.Categories, func(c content.Category) bool { return c.ID == sc.Answer })
		if !right[i] {
			c = 1 - c
		}
		in = append(in, fmt.Sprint(c+1))
		if right[i] && sc.Answer == bank.SignCategory().ID {
			j := slices.IndexFunc(bank.Signs, func(s content.Sign) bool { return s.ID == sc.Signs[0] })
			in = append(in, fmt.Sprint(j+1))
		}
	}
	return in
}

// Two right of three is 67%, rounded half up as people expect, in the
// plain quiz's summary and on the quiz screen's.
func TestQuizScoreRoundsHalfUp(t *testing.T) {
	pack := testPack(t)
	opts := quiz.Options{Seed: 2, Limit: 3}
	ahead, _ := quiz.NewSession(pack.Quiz, opts)
	in := plainAnswers(pack.Quiz, ahead.Items(), []bool{true, true, false})
	s, _ := quiz.NewSession(pack.Quiz, opts)
	var out strings.Builder
	if err := PlainQuiz(strings.NewReader(strings.Join(in, "\n")+"\n"), &out, pack, s, "test", 100, func(*quiz.Session) {}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Finished: 2 of 3 right (67%).") {
		t.Fatalf("the plain summary of 2 right of 3:\n%s", out.String())
	}
	hs := quizHarness(t, 100, 40, opts)
	for _, k := range in {
		hs.keys(k)
		if hs.m.quiz.s.Step() == quiz.Answered {
			hs.keys("enter")
		}
	}
	hs.mustSee("2 of 3 right (67%)")
}

// The help bar names the keys that answer this question: 1 and 2 for the
// two categories, 1–9 and 0 for the ten signs.
func TestQuizHelpNamesTheKeysOfThisQuestion(t *testing.T) {
	hs := quizHarness(t, 120, 30, quiz.Options{Seed: 5})
	advanceTo(t, hs, "ngo")
	hs.mustSee("1/2 answer")
	hs.mustNotSee("1–9")
	hs.keys(rightKey(hs))
	hs.mustSee("1–9 0 answer")
}
