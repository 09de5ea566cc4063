package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The help line under the chapter list, the reader and the quiz fits its
// width as bubbles' help does: whole keys only, no "…", and always "?" for
// the rest. At 80 columns the chapter list shows q, p and ? (it used to
// stop at "r review missed …").
func TestShortHelpFitsAndKeepsQuestionMark(t *testing.T) {
	last := func(hs *harness) string {
		lines := strings.Split(hs.screen(), "\n")
		return strings.TrimRight(lines[len(lines)-1], " ")
	}
	home := newHarness(t, 80, 24, Options{})
	for _, want := range []string{"q quit", "p plan", "? more"} {
		if !strings.Contains(last(home), want) {
			t.Errorf("the chapter list's help at 80 columns lacks %q: %q", want, last(home))
		}
	}
	for _, w := range []int{30, 40, 52, 64, 80, 100, 160} {
		for name, opts := range map[string]Options{"home": {}, "reader": {Chapter: 2}} {
			hs := newHarness(t, w, 24, opts)
			l := last(hs)
			if strings.Contains(l, "…") || !strings.Contains(l, "? ") || ansi.StringWidth(l) > w {
				t.Errorf("%s at %d columns: help %q; want whole keys and ?", name, w, l)
			}
		}
	}
}

// On a wide screen the chapter list's title lines up with the centred
// column under it, rather than sitting alone at the left edge.
func TestHomeTitleLinesUpWithTheList(t *testing.T) {
	for _, w := range []int{80, 120, 160} {
		hs := newHarness(t, w, 45, Options{})
		lines := strings.Split(hs.screen(), "\n")
		title := strings.Index(lines[0], "Mass Organizations")
		col := -1
		for _, l := range lines {
			if i := strings.Index(l, "8 chapters ·"); i >= 0 {
				col = i
			}
		}
		if title < 0 || title != col {
			t.Errorf("at %d columns the title starts at column %d, the list's text at %d:\n%s", w, title, col, hs.screen())
		}
	}
}
