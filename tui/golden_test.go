package tui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"studyguide/meeting"
	"studyguide/quiz"
)

// Golden views of what a user sees, styling stripped. Run
// `go test ./tui -update` after a deliberate change and read the diff.
func TestGoldenViews(t *testing.T) {
	layoutOnly(t)
	sizes := [][2]int{{40, 12}, {80, 24}, {120, 30}}
	views := []struct {
		name  string
		opts  Options
		setup func(hs *harness)
	}{
		{"home", Options{}, func(*harness) {}},
		{"signs", Options{Chapter: 2}, func(hs *harness) { hs.keys("space") }},
		{"search", Options{Chapter: 1}, func(hs *harness) { hs.keys("/").typeText("isomorphism").keys("enter", "n") }},
		{"help", Options{Chapter: 1}, func(hs *harness) { hs.keys("?") }},
		{"popup", Options{Chapter: 6}, func(hs *harness) { hs.keys("i").typeText("institutional isom").keys("enter") }},
		{"index", Options{}, func(hs *harness) { hs.keys("i").typeText("org") }},
		{"quiz", Options{Quiz: &quiz.Options{Seed: 5}}, func(*harness) {}},
		{"quizsign", Options{Quiz: &quiz.Options{Seed: 5}}, func(hs *harness) { advanceTo(t, hs, "ngo"); hs.keys(rightKey(hs)) }},
		{"quizfeedback", Options{Quiz: &quiz.Options{Seed: 5}}, func(hs *harness) {
			sc := advanceTo(t, hs, "ngo")
			hs.keys(rightKey(hs), signKey(hs, sc, false))
		}},
		{"quizsummary", Options{Quiz: &quiz.Options{Seed: 5, Limit: 4}}, func(hs *harness) {
			sc := advanceTo(t, hs, "ngo")
			hs.keys(rightKey(hs), signKey(hs, sc, true), "enter", "q")
		}},
	}
	for _, v := range views {
		for _, s := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, s[0], s[1]), func(t *testing.T) {
				hs := newHarness(t, s[0], s[1], v.opts)
				v.setup(hs)
				frame := hs.m.View().Content
				checkFits(t, frame, s[0], s[1])
				golden.RequireEqual(t, hs.screen())
			})
		}
	}
}

// Golden views of the presenter at a laptop's size and a projector's.
func TestGoldenPresenter(t *testing.T) {
	layoutOnly(t)
	views := []struct {
		name  string
		setup func(hs *harness)
	}{
		{"title", func(*harness) {}},
		{"question", func(hs *harness) {
			for hs.m.present.step().Kind != meeting.Question {
				hs.keys("space")
			}
			hs.keys("t")
		}},
		{"idea", func(hs *harness) { hs.keys("space") }},
		{"passage", func(hs *harness) { toPassage(hs, 3) }}, // warning sign 2
		{"quiz_hands", func(hs *harness) { toNGOItem(hs); hs.keys("1", "1", "2") }},
		{"quiz_reveal", func(hs *harness) { toNGOItem(hs); hs.keys("1", "1", "2", "r") }},
		{"quiz_signs", func(hs *harness) { toNGOItem(hs); hs.keys("1", "1", "2", "r", "3", "3", "5", "0", "r") }},
		{"quiz_why", func(hs *harness) { toNGOItem(hs); hs.keys("1", "1", "2", "r", "3", "3", "5", "0", "r", "space") }},
		{"room", func(hs *harness) {
			toNGOItem(hs)
			hs.keys("1", "1", "2", "r", "3", "3", "5", "0", "r", "space")
			for hs.m.present.step().Kind != meeting.Summary {
				hs.keys("space")
			}
		}},
	}
	for _, v := range views {
		for _, s := range [][2]int{{80, 24}, {64, 20}, {160, 45}} {
			t.Run(fmt.Sprintf("%s_%dx%d", v.name, s[0], s[1]), func(t *testing.T) {
				hs := newHarness(t, s[0], s[1], Options{Present: true, Chapter: 2, PresentItems: 4, PresentSeed: 1})
				v.setup(hs)
				checkFits(t, hs.m.View().Content, s[0], s[1])
				golden.RequireEqual(t, hs.screen())
			})
		}
	}
}

// toPassage steps to the n-th passage of the chapter.
func toPassage(hs *harness, n int) {
	for seen := 0; ; hs.keys("space") {
		if hs.m.present.step().Kind == meeting.Passage {
			if seen++; seen == n {
				return
			}
		}
	}
}

// toNGOItem steps to the chapter's first quiz item whose answer asks for
// the sign too.
func toNGOItem(hs *harness) {
	for s := hs.m.present.step(); s.Kind != meeting.Quiz || !hs.m.present.asksSign(s.Scenario); s = hs.m.present.step() {
		hs.keys("space")
		if hs.m.present.step().Kind == meeting.Quiz && hs.m.present.vote().revealed {
			hs.keys("r", "r", "r")
		}
	}
}
