package content_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// kindMark is how the layout golden marks each cell's kind.
var kindMark = map[content.MapSpanKind]string{
	content.MapSpace: " ", content.MapBorder: "B", content.MapStageTitle: "T", content.MapNote: "n",
	content.MapCursor: "c", content.MapNumber: "#", content.MapLabel: "L", content.MapChapter: "h",
}

// dumpLayout is a layout as text, each line followed by the kind of each of
// its cells, then where each node is.
func dumpLayout(l *content.MapLayout) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== width %d: %s\n", l.Width, l.Title)
	for _, line := range l.Lines {
		var text, kinds strings.Builder
		for _, s := range line {
			text.WriteString(s.Text)
			kinds.WriteString(strings.Repeat(kindMark[s.Kind], ansi.StringWidth(s.Text)))
		}
		fmt.Fprintf(&b, "%s\n%s\n", text.String(), kinds.String())
	}
	for i, it := range l.Items {
		fmt.Fprintf(&b, "node %d: stage %d, line %d, column %d, %d lines: %s (ch %d)\n", i, it.Stage, it.Line, it.Col, it.Height, it.Label, it.Chapter)
	}
	return b.String()
}

// layoutMap is a map of the test's own (the built-in one changes with the
// content): a long label that wraps, short nodes side by side, a stage of
// seven of mixed lengths that takes three columns where it can, notes, a
// long title.
const layoutMap = `map:
  title: How a member-run group decides, from the meeting to the vote
  stages:
    - title: Members decide together in the open
      nodes:
        - label: Open meetings where every member may speak and vote on it
          paragraph: p2
    - title: Through leaders they elect
      note: Leaders answer to the members who elected them, and can be replaced.
      nodes:
        - label: Elections
          chapter: 1
        - label: Delegates
          chapter: 1
        - label: Recall
          chapter: 2
    - title: Unless staff manage participation to satisfy the funders
      nodes:
        - label: Staff
          chapter: 2
        - label: Funders first
          chapter: 2
        - label: Grants with conditions attached
          chapter: 2
        - label: Deliverables
          chapter: 2
        - label: A board that is not the members
          chapter: 1
        - label: Turnout for events
          chapter: 2
        - label: Lobby days
          chapter: 2
`

// A map laid out at widths from the narrowest to a wide projector: the
// frame, the columns, where every label and chapter falls, and where each
// node is (the cursor and the mouse go by it). Run `go test ./content -run
// TestMapLayoutGolden -update` after a deliberate change and read the diff.
func TestMapLayoutGolden(t *testing.T) {
	p, err := content.Load(guidePack(tinyGuide + layoutMap))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, w := range []int{16, 24, 32, 40, 48, 56, 64, 72, 80, 96, 120, 160} {
		b.WriteString(dumpLayout(p.ArgMap().Layout(p, w)))
	}
	checkGolden(t, "maplayout.golden", "the layout", b.String())
}

// Each node starts where the layout says: on its line, at its column
// (inside the frame's left edge), with its cursor cell; and in a stage of
// several columns the chapters line up at each column's right edge. For the
// built-in map and the test's own.
func TestMapNodesAreWhereTheLayoutSays(t *testing.T) {
	own, err := content.Load(guidePack(tinyGuide + layoutMap))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*content.Pack{loadSeeds(t), own} {
		checkNodePlaces(t, p)
	}
}

func checkNodePlaces(t *testing.T, p *content.Pack) {
	t.Helper()
	for w := content.MapMinWidth; w <= 200; w += 3 {
		l := p.ArgMap().Layout(p, w)
		for i, it := range l.Items {
			col, found := 0, false
			for _, s := range l.Lines[it.Line] {
				if s.Item == i {
					if col != it.Col+1 || s.Kind != content.MapCursor {
						t.Fatalf("width %d: node %d (%q) starts at cell %d with %v; the layout says column %d", w, i, it.Label, col, s.Kind, it.Col)
					}
					found = true
					break
				}
				col += ansi.StringWidth(s.Text)
			}
			if !found {
				t.Fatalf("width %d: node %d is not on its line %d", w, i, it.Line)
			}
		}
		// chapters end where their column ends, the same for every node of a column
		ends := map[[2]int]int{} // stage, column → the cell after "ch N"
		for i, it := range l.Items {
			for li := it.Line; li < it.Line+it.Height; li++ {
				col := 0
				for _, s := range l.Lines[li] {
					col += ansi.StringWidth(s.Text)
					if s.Item == i && s.Kind == content.MapChapter {
						k := [2]int{it.Stage, it.Col}
						if e, ok := ends[k]; ok && e != col {
							t.Fatalf("width %d: node %d's chapter ends at %d, its column's others at %d", w, i, col, e)
						}
						ends[k] = col
					}
				}
			}
		}
	}
}

// A map's limits hold exactly: titles and labels of 64 cells, notes of 160;
// and a map with an unknown key is still checked and still drawn.
func TestMapLimitsAndUnknownKeys(t *testing.T) {
	with := func(old, new string) string { return tinyGuide + strings.Replace(tinyMap, old, new, 1) }
	for _, c := range []struct {
		name, guide, problem string
		refused              bool
	}{
		{"a title of 64", with("title: Two steps", "title: "+strings.Repeat("t", 64)), "map: the title is", false},
		{"a title of 65", with("title: Two steps", "title: "+strings.Repeat("t", 65)), "map: the title is 65 characters; keep it to 64", true},
		{"a note of 160", with("note: Funders come first.", "note: "+strings.Repeat("n", 160)), "the note is", false},
		{"a note of 161", with("note: Funders come first.", "note: "+strings.Repeat("n", 161)), "map stage 2: the note is 161 characters; keep it to 160", true},
	} {
		probs, _ := content.Validate(guidePack(c.guide))
		if refused := strings.Contains(fmt.Sprint(probs), c.problem); refused != c.refused {
			t.Errorf("%s: refused %v: %v", c.name, refused, probs)
		}
	}
	odd := with("  title: Two steps\n", "  title: Two steps\n  colour: red\n")
	odd = strings.Replace(odd, "    - title: Unless staff manage\n", "    - title: "+strings.Repeat("u", 65)+"\n", 1)
	probs, _ := content.Validate(guidePack(odd))
	for _, want := range []string{`unknown field "colour"`, "map stage 2: the title is 65 characters"} {
		if !strings.Contains(fmt.Sprint(probs), want) {
			t.Errorf("a map with an unknown key: problems lack %q: %v", want, probs)
		}
	}
}
