package main

import (
	"strings"
	"testing"
)

// The --plain quiz pairs each number with its answer: 1 is NGO-like and 2
// is Mass-organization-like, on the menu and in what typing them answers.
func TestPlainQuizMenuPairsDigitsWithLabels(t *testing.T) {
	t.Setenv("STUDYGUIDE_STATE_DIR", t.TempDir())
	for _, c := range []struct{ key, label string }{{"1", "NGO-like"}, {"2", "Mass-organization-like"}} {
		out, err := runIn(t, c.key+"\nq\n", "quiz", "--plain", "--seed", "3", "--limit", "2", "--no-save")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "NGO-like or Mass-organization-like?\n  1) NGO-like\n  2) Mass-organization-like\n> ") {
			t.Fatalf("the menu does not pair 1 with NGO-like and 2 with Mass-organization-like:\n%s", out)
		}
		if !strings.Contains(out, "> "+c.label+"\n") {
			t.Fatalf("typing %s did not answer %s:\n%s", c.key, c.label, out)
		}
		right := strings.Contains(out, "Right: "+c.label+".")
		wrong := strings.Contains(out, "Not this time. You said "+c.label+"; it is ")
		if right == wrong {
			t.Fatalf("after typing %s the feedback should say %s was chosen (right %v, wrong %v):\n%s", c.key, c.label, right, wrong, out)
		}
	}
}
