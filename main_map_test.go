package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestMapCommand(t *testing.T) {
	for _, width := range []string{"80", "40"} {
		out, err := run(t, "map", "--width", width)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"The argument at a glance", "╭─", "The tension", " 1 Overwork culture", "ch 2",
			"Only immense numbers", "studyguide read N opens it."} {
			if !strings.Contains(out, want) {
				t.Errorf("--width %s: map lacks %q:\n%s", width, want, out)
			}
		}
		for i, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); width == "40" && w > 40 || w > 80 {
				t.Errorf("--width %s: line %d is %d wide: %q", width, i+1, w, l)
			}
		}
	}
}

func TestMapCommandWithoutAMap(t *testing.T) {
	out, err := run(t, "--pack", "content/skeleton", "map")
	if err == nil || !strings.Contains(err.Error(), `no argument map: its guide has no "map" section`) {
		t.Fatalf("a pack without a map: %v\n%s", err, out)
	}
	if _, err := run(t, "map", "-w", "10"); err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("map -w 10: %v", err)
	}
}
