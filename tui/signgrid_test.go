package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/meeting"
)

// gridLabelBudget is the most the longest label of the signs in the
// grid's first column and the longest in its second may take together for
// every label to show whole at 64x20 while hands are counted and after the
// reveal: 64 cells less two keys, two counts, a space after each key and
// before each count, and the two cells between the columns.
const gridLabelBudget = 64 - 2*4 - 2

// withinGridBudget is the built-in pack with any label of the grid's second
// column that would take the pair past gridLabelBudget cut to fit: the
// labels the layout is asked to show whole.
func withinGridBudget(t *testing.T) *content.Pack {
	pack := freshPack(t)
	signs := pack.Quiz.Signs
	rows := (len(signs) + 1) / 2
	first := 0
	for _, sg := range signs[:rows] {
		first = max(first, ansi.StringWidth(sg.Label))
	}
	for i := rows; i < len(signs); i++ {
		if ansi.StringWidth(signs[i].Label) > gridLabelBudget-first {
			t.Logf("sign %s's label %q is over the 64x20 grid's budget (%d with signs 1–%d's %d): shortened here",
				signs[i].ID, signs[i].Label, gridLabelBudget, rows, first)
			signs[i].Label = ansi.Truncate(signs[i].Label, gridLabelBudget-first, "")
		}
	}
	return pack
}

// At a projector's 64x20 every sign's label is whole on every quiz step
// with a sign vote, while hands are counted, after the reveal (the right
// signs marked ✓) and on the served facilitator's screen, for labels
// within the grid's budget; and the scenario and the grid are on screen.
func TestSignLabelsWholeAt64x20(t *testing.T) {
	layoutOnly(t)
	pack := withinGridBudget(t)
	hs := newHarnessWith(t, pack, 64, 20, Options{Present: true, Chapter: 1, PresentItems: 0, PresentSeed: 1})
	p := hs.m.present
	whole := func(at string) {
		t.Helper()
		step := ansi.Strip(strings.Join(append(slices.Clone(p.pinned), p.body.lines...), "\n"))
		for _, sg := range pack.Quiz.Signs {
			if !strings.Contains(step, sg.Label) {
				t.Fatalf("%s: the label %q is not whole:\n%s", at, sg.Label, step)
			}
		}
		checkFits(t, hs.m.View().Content, 64, 20)
	}
	items := 0
	for i, s := range p.deck {
		if s.Kind != meeting.Quiz || !p.asksSign(s.Scenario) {
			continue
		}
		items++
		p.goTo(i)
		p.layout()
		at := s.Scenario.ID
		hs.keys("1", "1", "2", "r")
		for k := range 10 { // hands on every sign, up to 9 on one
			for range k {
				hs.keys(optionKey(k))
			}
		}
		whole(at + ", hands counted")
		hs.keys("r")
		whole(at + ", revealed")
	}
	if items < 20 {
		t.Fatalf("only %d items with a sign vote", items)
	}
}
