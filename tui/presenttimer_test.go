package tui

import (
	"fmt"
	"strings"
	"studyguide/meeting"
	"testing"
)

// seesWholeScenario fails unless every line of the quiz step's scenario, as
// wrapped for the step, is on screen whole: nothing drawn over its ends.
func seesWholeScenario(t *testing.T, hs *harness, at string) {
	t.Helper()
	p := hs.m.present
	screen := hs.screen()
	for _, l := range strings.Split(wrapText(flatten(p.step().Scenario.Text), p.quizColumn()), "\n") {
		if l = strings.TrimSpace(l); !strings.Contains(screen, l) {
			t.Fatalf("%s: the scenario's line %q is not on screen whole:\n%s", at, l, screen)
		}
	}
}

// The timer's big digits stand beside a quiz step's scenario on a wide
// projector, never over its line ends ("each s ███"), and are labelled for
// what they time: "discussion" on a discussion question, not on a quiz.
// The served facilitator's screen has the same layout.
func TestTimerBesideTheScenarioOnWideScreens(t *testing.T) {
	for _, size := range [][2]int{{120, 36}, {140, 40}, {160, 45}} {
		for _, served := range []bool{false, true} {
			at := fmt.Sprintf("%dx%d served=%v", size[0], size[1], served)
			var hs *harness
			if served {
				hs = newRoomFixture(t, size[0], size[1]).harness
			} else {
				hs = presenter(t, size[0], size[1], 2)
			}
			for hs.m.present.step().Kind != meeting.Quiz {
				hs.keys("space")
			}
			hs.keys("t")
			if hs.m.present.tmode != timerMargin {
				t.Fatalf("%s: the timer is not in the margin (mode %d)", at, hs.m.present.tmode)
			}
			seesWholeScenario(t, hs, at)
			hs.mustNotSee("discussion")
			hs.mustSee("running")
			hs.keys("1", "r")
			seesWholeScenario(t, hs, at+", revealed")
			for hs.m.present.step().Kind != meeting.Question {
				hs.keys("left")
			}
			hs.mustSee("discussion")
		}
	}
}
