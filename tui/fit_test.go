package tui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A label cut at a space keeps the ellipsis against its last word, and
// never grows past the width; styled text is cut by cells, not bytes.
func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"Members as PR; staff run it", 26, "Members as PR; staff run…"},
		{"Members as PR; staff run it", 27, "Members as PR; staff run it"},
		{"Members as PR; staff run it", 24, "Members as PR; staff ru…"},
		{"a    b", 4, "a…"},
		{"Overwork culture", 1, "…"},
		{"Overwork culture", 0, ""},
	} {
		if got := truncate(c.in, c.w); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
	}
	styled := NewStyles(true, false).Item.Render("Members as PR; staff run it")
	if got := truncate(styled, 26); ansi.StringWidth(got) > 26 {
		t.Errorf("a styled label cut to 26 cells is %d wide", ansi.StringWidth(got))
	}
}
