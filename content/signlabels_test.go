package content_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// maxSignLabel is the widest warning-sign label the built-in pack may have:
// a label is all a learner sees when asked "which sign?", in the quiz's list
// at 40 columns, in the presenter's vote bars and in two columns of the
// argument map at 80.
const maxSignLabel = 28

// A learner picks a sign by its label alone, so no two signs (or
// principles) may share one, and each stays short.
func TestSignLabelsAreUniqueAndShort(t *testing.T) {
	p := loadSeeds(t)
	for _, list := range []struct {
		what  string
		signs []string
	}{
		{"sign", labels(p.Quiz.Signs)},
		{"principle", labels(p.Quiz.Principles)},
	} {
		seen := map[string]int{}
		for i, l := range list.signs {
			key := strings.ToLower(strings.Join(strings.Fields(l), " "))
			if j, dup := seen[key]; dup {
				t.Errorf("%s %d has the same label as %s %d: %q", list.what, i+1, list.what, j+1, l)
			}
			seen[key] = i
		}
	}
	for i, s := range p.Quiz.Signs {
		if w := ansi.StringWidth(s.Label); w > maxSignLabel {
			t.Errorf("sign %d label %q is %d cells; keep it to %d", i+1, s.Label, w, maxSignLabel)
		}
	}
}

func labels(signs []content.Sign) []string {
	out := make([]string, len(signs))
	for i, s := range signs {
		out[i] = s.Label
	}
	return out
}
