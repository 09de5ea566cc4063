package content_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"studyguide/content"
)

func TestBuiltInGuide(t *testing.T) {
	p := loadSeeds(t)
	if p.Guide == nil {
		t.Fatal("the built-in pack has no guide")
	}
	if len(p.Guide.Chapters) != len(p.Chapters) {
		t.Errorf("guide has %d chapters, article %d", len(p.Guide.Chapters), len(p.Chapters))
	}
	for _, c := range p.Chapters {
		g := p.Guide.For(c.Number)
		if g == nil {
			t.Errorf("chapter %d has no guide", c.Number)
			continue
		}
		if n := len(g.Summary); n < content.MinSummaryBullets || n > content.MaxSummaryBullets {
			t.Errorf("chapter %d: %d summary bullets", c.Number, n)
		}
		if n := len(g.Questions); n < content.MinQuestions || n > content.MaxQuestions {
			t.Errorf("chapter %d: %d questions", c.Number, n)
		}
		for _, q := range g.Questions {
			if q.Paragraph == nil || q.Paragraph.ID != q.ParagraphID || q.Paragraph.Chapter != c {
				t.Errorf("chapter %d line %d: paragraph %q does not resolve into the chapter", c.Number, q.Line, q.ParagraphID)
				continue
			}
			// The quote is verbatim: only YAML's line folding may differ.
			if !strings.Contains(strings.Join(strings.Fields(q.Paragraph.Text), " "), strings.Join(strings.Fields(q.Quote), " ")) {
				t.Errorf("chapter %d line %d: quote not verbatim in %s: %q", c.Number, q.Line, q.ParagraphID, q.Quote)
			}
			if !strings.HasSuffix(q.Text, "?") || q.Line == 0 {
				t.Errorf("chapter %d: question at line %d: %q", c.Number, q.Line, q.Text)
			}
		}
	}
	if p.Guide.For(0) != nil || p.Guide.For(len(p.Chapters)+1) != nil {
		t.Error("For finds a guide for a chapter that does not exist")
	}
	var nilGuide *content.Guide
	if nilGuide.For(1) != nil {
		t.Error("For on a nil guide found something")
	}
}

// tinyGuide is a valid guide for tinyGuideArticle; cases edit its lines.
const tinyGuideArticle = `<!-- chapter: One -->

# A Tiny Essay

Members decide together in open meetings, and "leaders" are elected.

<!-- chapter: Two -->

Staff manage participation to satisfy funders.
`

const tinyGuide = `chapters:
  - chapter: 1
    summary: [one, two, three]
    questions:
      - text: What do members decide together?
        paragraph: p2
        quote: >-
          decide together in
          open meetings
      - text: How are leaders chosen?
        paragraph: p2
        quote: and "leaders" are elected
      - text: Why meet in the open?
        paragraph: p2
        quote: open meetings
  - chapter: 2
    summary: [one, two, three]
    questions:
      - text: Who manages participation?
        paragraph: p3
        quote: manage participation
      - text: What do funders want?
        paragraph: p3
        quote: satisfy funders
      - text: Which staff tasks could members share?
        paragraph: p3
        quote: Staff manage
meetings:
  - title: Both chapters
    chapters: [1, 2]
    focus: All of it.
`

func guidePack(guide string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: tiny\ntitle: A Tiny Essay\narticle: article.md\nguide: guide.yaml\n")},
		"article.md": {Data: []byte(tinyGuideArticle)},
		"guide.yaml": {Data: []byte(guide)},
	}
}

// editLine replaces line n (1-based) of s; an empty replacement deletes it.
func editLine(s string, n int, with string) string {
	lines := strings.Split(s, "\n")
	if with == "" {
		lines = append(lines[:n-1], lines[n:]...)
	} else {
		lines[n-1] = with
	}
	return strings.Join(lines, "\n")
}

func TestTinyGuideLoads(t *testing.T) {
	p, err := content.Load(guidePack(tinyGuide))
	if err != nil {
		t.Fatal(err)
	}
	g := p.Guide.For(1)
	if g == nil || g.Line != 2 || len(g.Questions) != 3 {
		t.Fatalf("For(1) = %+v", g)
	}
	q := g.Questions[0]
	if q.Line != 5 || q.Paragraph == nil || q.Paragraph.ID != "p2" {
		t.Errorf("first question: line %d, paragraph %v", q.Line, q.Paragraph)
	}
	if m := p.Guide.Meetings; len(m) != 1 || m[0].Line != 29 || len(m[0].Chapters) != 2 {
		t.Errorf("meetings = %+v", m)
	}
}

func TestGuideProblemsNameTheLine(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"syntax", "chapters:\n  - chapter: [1\n", "guide.yaml:2:"},
		{"top key", "summaries: []\n" + tinyGuide, `guide.yaml:1: unknown key "summaries"`},
		{"unknown key", editLine(tinyGuide, 3, "    summary: [one, two, three]\n    colour: red"), `guide.yaml:4: unknown field "colour"`},
		{"unknown question key", editLine(tinyGuide, 6, "        paragraph: p2\n        page: 3"), `guide.yaml:7: unknown field "page"`},
		{"missing chapter", tinyGuide[:strings.Index(tinyGuide, "  - chapter: 2")] + "meetings: []\n",
			`guide.yaml:1: chapter 2 "Two" has no summary or questions`},
		{"unknown chapter", editLine(tinyGuide, 16, "  - chapter: 9"), "guide.yaml:16: chapter 9 does not exist"},
		{"chapter twice", editLine(tinyGuide, 16, "  - chapter: 1"), "guide.yaml:16: chapter 1 already has a guide (line 2)"},
		{"quote not in paragraph", editLine(tinyGuide, 12, "        quote: and leaders are elected"),
			`guide.yaml:12: chapter 1: quote "and leaders are elected" does not occur verbatim in p2`},
		{"curly quotes are not straight ones", editLine(tinyGuide, 12, "        quote: and “leaders” are elected"),
			`guide.yaml:12: chapter 1: quote "and “leaders” are elected" does not occur verbatim in p2`},
		{"no such paragraph", editLine(tinyGuide, 6, "        paragraph: p99"), `guide.yaml:6: chapter 1: paragraph "p99" is not a paragraph`},
		{"paragraph of another chapter", editLine(tinyGuide, 6, "        paragraph: p3"), "guide.yaml:6: chapter 1: paragraph p3 is in chapter 2, not this one"},
		{"yes/no question", editLine(tinyGuide, 5, "      - text: Do members decide together?"),
			`guide.yaml:5: chapter 1: question "Do members decide together?" can be answered yes or no`},
		{"yes/no, lower case", editLine(tinyGuide, 5, "      - text: should members decide?"), "can be answered yes or no"},
		{"not a question", editLine(tinyGuide, 5, "      - text: Discuss what members decide."), `guide.yaml:5: chapter 1: question "Discuss what members decide." does not end with "?"`},
		{"missing quote", editLine(tinyGuide, 12, "        quote: \"\""), `guide.yaml:12: chapter 1: question without "quote"`},
		{"meeting out of order", editLine(tinyGuide, 30, "    chapters: [2, 1]"), "guide.yaml:30: meeting 1: chapter 1 comes after chapter 2"},
		{"meeting repeats a chapter", editLine(tinyGuide, 30, "    chapters: [1, 2, 2]"), "guide.yaml:30: meeting 1: chapter 2 is already in meeting 1"},
		{"meeting misses a chapter", editLine(tinyGuide, 30, "    chapters: [1]"), "guide.yaml:28: chapter 2 is in no meeting"},
		{"meeting without title", editLine(tinyGuide, 29, "  - title: \"\""), `guide.yaml:29: meeting 1 has no "title"`},
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

// How many bullets and questions a chapter has is a warning: a short pack
// may well have fewer. The pack loads.
func TestGuideCountsAreWarnings(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"too few questions", editLine(editLine(editLine(tinyGuide, 15, ""), 14, ""), 13, ""), "guide.yaml:4: chapter 1: 2 questions; give 3 to 5"},
		{"short summary", editLine(tinyGuide, 3, "    summary: [one, two]"), "guide.yaml:3: chapter 1: summary has 2 bullets; give 3 to 12"},
	}
	for _, c := range cases {
		probs, warns := content.Validate(guidePack(c.yaml))
		if len(probs) > 0 {
			t.Errorf("%s: problems %v", c.name, probs)
		}
		if !strings.Contains(warns.Error(), c.want) {
			t.Errorf("%s: warnings\n%v\nlack %q", c.name, warns, c.want)
		}
		if p, err := content.Load(guidePack(c.yaml)); err != nil || !strings.Contains(p.Warnings.Error(), c.want) {
			t.Errorf("%s: Load gives %v, warnings %v", c.name, err, p)
		}
	}
}

// Every problem is reported at once, in file order.
func TestGuideReportsEveryProblem(t *testing.T) {
	bad := editLine(tinyGuide, 30, "    chapters: [1]")
	bad = editLine(bad, 21, "        quote: funders satisfied")
	bad = editLine(bad, 5, "      - text: Is this open?")
	_, err := content.Load(guidePack(bad))
	var probs content.Problems
	if !errors.As(err, &probs) || len(probs) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	for i, line := range []int{5, 21, 28} {
		if probs[i].Line != line || probs[i].File != "guide.yaml" {
			t.Errorf("problem %d at %s:%d; want guide.yaml:%d", i, probs[i].File, probs[i].Line, line)
		}
	}
}

func FuzzGuide(f *testing.F) {
	f.Add(tinyGuide)
	f.Add(tinyGuide + tinyMap)
	f.Add(tinyGuide + "map:\n  stages:\n    - title: x\n      signs: true\n      nodes: [{label: y, chapter: 9}]\n")
	f.Add("chapters: [1, 2]\nmeetings: {a: b}\n")
	f.Add("chapters:\n  - chapter: 1\n    questions: [x, {text: 3}]\n")
	f.Add("meetings:\n  - chapters: [0, -1, 99]\n")
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, guide string) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic("the plan or the map took over 10 seconds") })
		defer watchdog.Stop()
		if p := checkPack(t, guidePack(guide)); p != nil {
			var b strings.Builder
			if werr := content.WritePlan(&b, p, 40); werr != nil {
				t.Fatal(werr)
			}
			if m := p.ArgMap(); m != nil {
				for _, w := range []int{1, 40, 80} {
					if l := m.Layout(p, w); l.Move(0, content.MapDown) < 0 {
						t.Fatal("moved off the map")
					}
				}
			}
		}
	})
}

// The built-in guide teaches the essay's argument: every chapter has three
// or four questions, and whatever its key ideas, questions and meeting plan
// put in “…” is the essay's own words.
func TestBuiltInGuideQuotesTheEssay(t *testing.T) {
	p := loadSeeds(t)
	var essay []string
	for _, para := range p.Paragraphs() {
		essay = append(essay, strings.Join(strings.Fields(para.Text), " "))
	}
	text := strings.Join(essay, "\n")
	quoted := regexp.MustCompile(`“([^”]+)”`)
	check := func(where, s string) {
		for _, m := range quoted.FindAllStringSubmatch(s, -1) {
			phrase := strings.TrimRight(strings.Join(strings.Fields(m[1]), " "), ",.;:")
			if !strings.Contains(text, phrase) {
				t.Errorf("%s quotes “%s”, which the essay does not say", where, phrase)
			}
		}
	}
	for _, cg := range p.Guide.Chapters {
		if n := len(cg.Questions); n < 3 || n > 4 {
			t.Errorf("chapter %d has %d questions; the built-in guide gives 3 or 4", cg.Chapter, n)
		}
		for i, s := range cg.Summary {
			check(fmt.Sprintf("chapter %d key idea %d", cg.Chapter, i+1), s)
		}
		for i, q := range cg.Questions {
			check(fmt.Sprintf("chapter %d question %d", cg.Chapter, i+1), q.Text)
		}
	}
	if len(p.Guide.Meetings) == 0 {
		t.Error("the built-in guide has no meeting plan to check")
	}
	for i, m := range p.Guide.Meetings {
		check(fmt.Sprintf("meeting %d's focus", i+1), m.Focus)
	}
}
