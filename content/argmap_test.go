package content_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
)

// The printed map at 80 and 40 columns, as `studyguide map` shows it. Run
// `go test ./content -run TestMapGolden -update` after a deliberate change
// and read the diff. (The package's -update flag also serves the example
// pack in docs/packs.md, so x/exp/golden, which defines its own, is not used.)
func TestMapGolden(t *testing.T) {
	p := loadSeeds(t)
	for _, w := range []int{80, 40} {
		var b strings.Builder
		if err := content.WriteMap(&b, p, w); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, fmt.Sprintf("map-%d.golden", w), fmt.Sprintf("the map at %d columns", w), b.String())
	}
}

// The built-in map shows the argument in order: the tension, the three
// pressures, the ten signs numbered and labelled as the quiz labels them,
// the alternative, the cases; every node opens a chapter that exists.
func TestBuiltInMap(t *testing.T) {
	p := loadSeeds(t)
	m := p.ArgMap()
	if m == nil {
		t.Fatal("the built-in pack has no argument map")
	}
	l := m.Layout(p, 80)
	signs := 0
	for _, it := range l.Items {
		if it.Chapter < 1 || it.Chapter > len(p.Chapters) {
			t.Errorf("node %q opens chapter %d", it.Label, it.Chapter)
		}
		if it.Paragraph != "" {
			if para, ok := p.Paragraph(it.Paragraph); !ok || para.Chapter.Number != it.Chapter {
				t.Errorf("node %q opens paragraph %q, not in chapter %d", it.Label, it.Paragraph, it.Chapter)
			}
		}
		if it.Number > 0 {
			sg := p.Quiz.Signs[it.Number-1]
			if it.Label != sg.Label || it.Chapter != 2 || it.Paragraph != sg.Paragraph {
				t.Errorf("sign %d on the map is %q in chapter %d at %s; the quiz has %q at %s",
					it.Number, it.Label, it.Chapter, it.Paragraph, sg.Label, sg.Paragraph)
			}
			signs++
		}
	}
	if signs != 10 {
		t.Errorf("the map shows %d signs", signs)
	}
	flat := l.String()
	// The steps in order, with what issue 27 asked the map to show: the
	// workplace mechanism as nodes, NGOs as model and partner, conformity
	// both ways (the pull on a new mass organization first, as the essay
	// gives it), what each case shows and the conclusion's claim.
	order := []string{"The tension", "funders, the state", "NGOs are workplaces", "cost and revenue",
		"Floors, ceilings on democracy", "ten warning signs", " 1 Overwork culture", "10 Technocrats",
		"mass organization", "model and partner", "pull it to conform", "pull partners along",
		"Bernie: WFP", "NGO logic", "Chicago: member-led clarity", "conclusion", "on its own behalf",
		"swim along, or risk drowning"}
	at := 0
	for _, s := range order {
		i := strings.Index(flat[at:], s)
		if i < 0 {
			t.Fatalf("the map lacks %q after the preceding steps:\n%s", s, flat)
		}
		at += i
	}
	// At 80 columns it is one screen: 24 lines less a title and a help line.
	if n := len(l.Lines); n > 22 {
		t.Errorf("the map takes %d lines at 80 columns; it must fit 22", n)
	}
}

// Whatever the map quotes is the essay's own words.
func TestBuiltInMapQuotesTheEssay(t *testing.T) {
	p := loadSeeds(t)
	var essay []string
	for _, para := range p.Paragraphs() {
		essay = append(essay, strings.Join(strings.Fields(para.Text), " "))
	}
	text := strings.Join(essay, "\n")
	for _, st := range p.ArgMap().Stages {
		texts := []string{st.Title, st.Note}
		for _, n := range st.Nodes {
			texts = append(texts, n.Label)
		}
		for _, s := range texts {
			for _, q := range regexp.MustCompile(`“([^”]+)”`).FindAllStringSubmatch(s, -1) {
				if !strings.Contains(text, strings.TrimRight(q[1], ",.;:")) {
					t.Errorf("the map quotes “%s”, which the essay does not say", q[1])
				}
			}
		}
	}
}

// Every line is exactly as wide as the map, at any width, and every node
// is drawn where its place says.
func TestMapLayoutFitsEveryWidth(t *testing.T) {
	p := loadSeeds(t)
	m := p.ArgMap()
	for w := 1; w <= 200; w++ {
		l := m.Layout(p, w)
		if want := max(w, content.MapMinWidth); l.Width != want {
			t.Fatalf("width %d: laid out at %d", w, l.Width)
		}
		for i, line := range l.Lines {
			text := ""
			for _, s := range line {
				text += s.Text
			}
			if got := ansi.StringWidth(text); got != l.Width {
				t.Fatalf("width %d: line %d is %d cells: %q", w, i, got, text)
			}
		}
		for i, it := range l.Items {
			label := ""
			for li := it.Line; li < it.Line+it.Height && li < len(l.Lines); li++ {
				for _, s := range l.Lines[li] {
					if s.Item == i && s.Kind == content.MapLabel {
						label += s.Text + " "
					}
				}
			}
			if strings.Join(strings.Fields(label), "") != strings.Join(strings.Fields(it.Label), "") {
				t.Fatalf("width %d: node %d is drawn as %q, not %q", w, i, label, it.Label)
			}
		}
	}
	// Narrow: one node a line, top to bottom (the vertical layout).
	l := m.Layout(p, 40)
	for i := 1; i < len(l.Items); i++ {
		if l.Items[i].Col != 0 || l.Items[i].Line <= l.Items[i-1].Line {
			t.Fatalf("at 40 columns node %d (%q) is not below node %d", i, l.Items[i].Label, i-1)
		}
	}
}

// Tab goes through the nodes in reading order; the arrows go to the nearest
// node that way on the screen.
func TestMapMoves(t *testing.T) {
	p := loadSeeds(t)
	l := p.ArgMap().Layout(p, 80)
	find := func(label string) int {
		for i, it := range l.Items {
			if strings.HasPrefix(it.Label, label) {
				return i
			}
		}
		t.Fatalf("no node %q", label)
		return -1
	}
	n := len(l.Items)
	for i := range n {
		if got := l.Move(i, content.MapNext); got != (i+1)%n {
			t.Errorf("tab from %d goes to %d", i, got)
		}
		if got := l.Move(l.Move(i, content.MapNext), content.MapPrev); got != i {
			t.Errorf("tab, shift+tab from %d comes back to %d", i, got)
		}
	}
	cases := []struct {
		from string
		move content.MapMove
		to   string
	}{
		{"Participation", content.MapUp, "Participation"}, // nothing above: stay
		{"Participation", content.MapDown, "Each staffer"},
		{"Each staffer", content.MapRight, "Members can’t"},
		{"Members can’t", content.MapRight, "Members can’t"},
		{"Floors, ceilings", content.MapUp, "Each staffer"},
		{"Leaders: often", content.MapDown, "Accountable to funders"}, // the right-hand column
		{"Overwork", content.MapRight, "Accountable to funders"},      // sign 1 → sign 6
		{"Overwork", content.MapDown, "Programmatic deliverables"},
		{"Personal ties", content.MapDown, "Open democracy"},
		{"Technocrats", content.MapLeft, "Personal ties"},
		{"Open democracy", content.MapUp, "Personal ties"},
		{"Only immense", content.MapDown, "Mass organizations"},
		{"Mass organizations", content.MapDown, "Mass organizations"}, // nothing below: stay
	}
	for _, c := range cases {
		if got := l.Move(find(c.from), c.move); got != find(c.to) {
			t.Errorf("from %q, move %d reaches %q; want %q", c.from, c.move, l.Items[got].Label, c.to)
		}
	}
}

func TestNoMap(t *testing.T) {
	p, err := content.Load(guidePack(tinyGuide))
	if err != nil {
		t.Fatal(err)
	}
	if p.ArgMap() != nil {
		t.Fatal("a guide without a map section has a map")
	}
	var b strings.Builder
	if err := content.WriteMap(&b, p, 80); !errors.Is(err, content.ErrNoMap) || b.Len() > 0 {
		t.Errorf("WriteMap without a map: %v, %q", err, b.String())
	}
}

// tinyMap is a valid map for tinyGuideArticle; cases edit it.
const tinyMap = `map:
  title: Two steps
  stages:
    - title: Members decide
      nodes:
        - label: Open meetings
          paragraph: p2
        - label: Elected leaders
          chapter: 1
    - title: Unless staff manage
      note: Funders come first.
      nodes:
        - label: Staff
          chapter: 2
`

func TestTinyMapLoads(t *testing.T) {
	p, err := content.Load(guidePack(tinyGuide + tinyMap))
	if err != nil {
		t.Fatal(err)
	}
	m := p.ArgMap()
	if m == nil || m.Title != "Two steps" || len(m.Stages) != 2 || m.Stages[0].Nodes[0].Chapter != 1 {
		t.Fatalf("map = %+v", m)
	}
	var b strings.Builder
	if err := content.WriteMap(&b, p, 40); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Two steps", "╭─ Members decide", "Open meetings", "ch 1", "├─ ▼ Unless staff manage", "Staff", "ch 2", "Funders come first."} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("map lacks %q:\n%s", s, b.String())
		}
	}
}

func TestMapProblemsNameTheLine(t *testing.T) {
	base := tinyGuide + tinyMap
	line := func(n int) int { return strings.Count(tinyGuide, "\n") + n } // line n of tinyMap
	edit := func(n int, with string) string { return editLine(base, line(n), with) }
	cases := []struct{ name, yaml, want string }{
		{"unknown key", edit(2, "  title: Two steps\n  colour: red"), fmt.Sprintf(`guide.yaml:%d: unknown field "colour"`, line(3))},
		{"no such paragraph", edit(7, "          paragraph: p99"), fmt.Sprintf(`guide.yaml:%d: map stage 1: node 1: paragraph "p99" is not a paragraph`, line(7))},
		{"no such chapter", edit(9, "          chapter: 7"), fmt.Sprintf("guide.yaml:%d: map stage 1: node 2: chapter 7 does not exist", line(9))},
		{"no chapter", edit(9, ""), fmt.Sprintf(`guide.yaml:%d: map stage 1: node 2: needs the "chapter" (or "paragraph") it opens`, line(8))},
		{"paragraph in another chapter", edit(7, "          paragraph: p3\n          chapter: 1"),
			fmt.Sprintf("guide.yaml:%d: map stage 1: node 1: paragraph p3 is in chapter 2, not 1", line(8))},
		{"no label", edit(8, "        - label: \"\""), fmt.Sprintf(`guide.yaml:%d: map stage 1: node 2: needs a "label"`, line(8))},
		{"no title", edit(10, "    - title: \"\""), fmt.Sprintf(`guide.yaml:%d: map stage 2: needs a "title"`, line(10))},
		{"no nodes", base[:strings.LastIndex(base, "      nodes:")], fmt.Sprintf(`guide.yaml:%d: map stage 2: needs "nodes"`, line(10))},
		{"signs without a quiz", base[:strings.Index(base, "    - title: Unless")] + "    - title: Signs\n      signs: true\n      chapter: 2\n",
			fmt.Sprintf("guide.yaml:%d: map stage 2: lists the quiz's signs, but the pack has no quiz", line(11))},
		{"label too long", edit(13, "        - label: "+strings.Repeat("long ", 14)), fmt.Sprintf("guide.yaml:%d: map stage 2: node 1: the label is 69 characters", line(13))},
		{"no stages", tinyGuide + "map:\n  title: Nothing\n", fmt.Sprintf(`guide.yaml:%d: map: no "stages"`, line(2))},
	}
	for _, c := range cases {
		_, err := content.Load(guidePack(c.yaml))
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Errorf("%s: want Problems, got %v", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error\n%v\nlacks %q", c.name, err, c.want)
		}
	}
}

// Laying the map out happens when it opens and on every resize.
func BenchmarkMapLayout(b *testing.B) {
	p := loadSeeds(b)
	m := p.ArgMap()
	for b.Loop() {
		m.Layout(p, 80)
		m.Layout(p, 40)
	}
}
