package content_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// signsMapPack is the skeleton pack with a map whose first stage is the
// quiz's two signs ("Closed meetings" and "No vote", chapter 2) and whose
// second is three short nodes.
func signsMapPack(t *testing.T) *content.Pack {
	t.Helper()
	m := skeletonMap(t)
	plant(t, m, "guide.yaml", "meetings:\n", `map:
  stages:
    - title: The signs
      signs: true
      chapter: 2
    - title: And what to do
      note: Keep the agenda open.
      nodes:
        - label: Open agenda
          chapter: 2
        - label: Elected roles
          chapter: 2
        - label: A quorum
          chapter: 1
meetings:
`)
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// mapPacks are the built-in map, the layout golden's and the signs map.
func mapPacks(t *testing.T) map[string]*content.Pack {
	own, err := content.Load(guidePack(tinyGuide + layoutMap))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*content.Pack{"built-in": loadSeeds(t), "own": own, "signs": signsMapPack(t)}
}

// A front end marks, and a click would pick, the node a cell belongs to:
// every cell a span gives to node i lies inside node i's box (its lines,
// from its column to the next node's on the same line, or to the frame),
// and titles, notes, gaps and padding belong to no node.
func TestMapCellsBelongOnlyToTheirNode(t *testing.T) {
	for name, p := range mapPacks(t) {
		for w := content.MapMinWidth; w <= 200; w++ {
			l := p.ArgMap().Layout(p, w)
			for li, line := range l.Lines {
				col := 0
				for _, s := range line {
					start := col
					col += ansi.StringWidth(s.Text)
					if s.Item < 0 {
						continue
					}
					if s.Item >= len(l.Items) {
						t.Fatalf("%s, width %d, line %d: span %q belongs to node %d of %d", name, w, li, s.Text, s.Item, len(l.Items))
					}
					it := l.Items[s.Item]
					end := l.Width - 2 // the frame's inner space and "│"
					for _, o := range l.Items {
						if o.Line == it.Line && o.Col > it.Col {
							end = min(end, o.Col) // the gap before the next column
						}
					}
					if s.Text == "" {
						continue
					}
					if li < it.Line || li >= it.Line+it.Height || start < it.Col+1 || col > end {
						t.Fatalf("%s, width %d, line %d: %v span %q (cells %d–%d) is given to node %d (%q), drawn on lines %d–%d, cells %d–%d",
							name, w, li, s.Kind, s.Text, start, col-1, s.Item, it.Label, it.Line, it.Line+it.Height-1, it.Col+1, end-1)
					}
				}
			}
		}
	}
}

// Two signs sit side by side only where both fit whole, with their numbers
// and chapters: "  1 Closed meetings ch 2" is 24 cells, "  2 No vote ch 2"
// 16, one cell between them and three of frame: from 44 columns on.
func TestMapSignsTakeTwoColumnsOnlyWhereTheyFit(t *testing.T) {
	p := signsMapPack(t)
	for w := 36; w <= 52; w++ {
		l := p.ArgMap().Layout(p, w)
		if l.Items[0].Number != 1 || l.Items[1].Number != 2 {
			t.Fatalf("the first stage is not the two signs: %+v", l.Items[:2])
		}
		side := l.Items[1].Line == l.Items[0].Line
		if side != (w >= 44) {
			t.Errorf("width %d: sign 2 beside sign 1: %v, want %v\n%s", w, side, w >= 44, l.String())
		}
	}
}

// The arrows go to the nearest node that way: up to the node of the row
// above that is nearest in column, left to the next column, not the first.
func TestMapArrowsGoToTheNearestColumn(t *testing.T) {
	own, err := content.Load(guidePack(tinyGuide + layoutMap))
	if err != nil {
		t.Fatal(err)
	}
	l := own.ArgMap().Layout(own, 120)
	find := func(label string) int {
		for i, it := range l.Items {
			if it.Label == label {
				return i
			}
		}
		t.Fatalf("no node %q", label)
		return -1
	}
	// At 120 columns the third stage takes three columns of three rows:
	// Staff, Funders first, Grants…; Deliverables, A board…, Turnout…; Lobby days.
	if a, b, c := l.Items[find("Staff")], l.Items[find("Deliverables")], l.Items[find("Lobby days")]; a.Line != b.Line || b.Line != c.Line || !(a.Col < b.Col && b.Col < c.Col) {
		t.Fatalf("the third stage is not in three columns at 120:\n%s", l.String())
	}
	for _, c := range []struct {
		from string
		move content.MapMove
		to   string
	}{
		{"Lobby days", content.MapLeft, "Deliverables"},
		{"Deliverables", content.MapLeft, "Staff"},
		{"Staff", content.MapRight, "Deliverables"},
		{"Turnout for events", content.MapUp, "A board that is not the members"},
		{"Turnout for events", content.MapLeft, "Grants with conditions attached"},
		{"Lobby days", content.MapUp, "Recall"},
		{"Deliverables", content.MapUp, "Delegates"},
		{"Funders first", content.MapDown, "Grants with conditions attached"},
	} {
		if got := l.Move(find(c.from), c.move); got != find(c.to) {
			t.Errorf("from %q, move %d reaches %q; want %q\n%s", c.from, c.move, l.Items[got].Label, c.to, l.String())
		}
	}
}

// On a tie the arrows go to the earlier node in reading order: at 62
// columns "Votes" stands as far from "Members decide together" on its left
// as from "Funders" on its right, and up goes to the left one.
func TestMapArrowsBreakATieInReadingOrder(t *testing.T) {
	p, err := content.Load(guidePack(tinyGuide + `map:
  title: A tie
  stages:
    - title: Who decides
      nodes:
        - label: Members decide together
          chapter: 1
        - label: Funders
          chapter: 2
    - title: How
      nodes:
        - label: Dues
          chapter: 1
        - label: Votes
          chapter: 1
        - label: Recall
          chapter: 2
`))
	if err != nil {
		t.Fatal(err)
	}
	l := p.ArgMap().Layout(p, 62)
	it := l.Items
	if it[0].Line != it[1].Line || it[3].Line <= it[0].Line || it[3].Col-it[0].Col != it[1].Col-it[3].Col {
		t.Fatalf("no tie at 62 columns:\n%s", l.String())
	}
	if got := l.Move(3, content.MapUp); got != 0 {
		t.Errorf("up from Votes reaches %q; want the earlier of the two as near, Members decide together\n%s", it[got].Label, l.String())
	}
	if got := l.Move(0, content.MapDown); got != 2 {
		t.Errorf("down from Members decide together reaches %q; want Dues", it[got].Label)
	}
}

// A map that cannot be read is reported as that, once: not also as a map
// without stages.
func TestMapThatCannotBeReadIsReportedOnce(t *testing.T) {
	probs, _ := content.Validate(guidePack(tinyGuide + "map:\n  title: Two steps\n  stages: 5\n"))
	var mapProbs []string
	for _, p := range probs {
		if p.Line > strings.Count(tinyGuide, "\n") {
			mapProbs = append(mapProbs, p.Error())
		}
	}
	if len(mapProbs) != 1 || !strings.Contains(mapProbs[0], "sequence") {
		t.Errorf("a map whose stages are a number: problems %q; want one, that the stages are not a list", mapProbs)
	}
}

// `studyguide map` without a width prints the map 80 columns wide.
func TestWriteMapWithoutAWidthIs80Wide(t *testing.T) {
	p := loadSeeds(t)
	var none, eighty strings.Builder
	if err := content.WriteMap(&none, p, 0); err != nil {
		t.Fatal(err)
	}
	if err := content.WriteMap(&eighty, p, 80); err != nil {
		t.Fatal(err)
	}
	if none.String() != eighty.String() {
		t.Errorf("the map without a width:\n%s\nwant it as at 80 columns:\n%s", none.String(), eighty.String())
	}
	var b strings.Builder
	if err := content.WriteMap(&b, nil, 0); !errors.Is(err, content.ErrNoMap) {
		t.Errorf("no pack: %v", err)
	}
}
