package content_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

func TestBuiltInQuizBank(t *testing.T) {
	p := loadSeeds(t)
	b := p.Quiz
	if b == nil {
		t.Fatal("the built-in pack has no quiz")
	}
	if len(b.Warnings) > 0 {
		t.Errorf("the built-in quiz has warnings:\n%v", b.Warnings)
	}
	if n := len(b.Scenarios); n < 64 {
		t.Errorf("%d scenarios; want at least 64", n)
	}
	if len(b.Categories) != 2 || len(b.Signs) != 10 || len(b.Principles) == 0 {
		t.Fatalf("categories %d, signs %d, principles %d", len(b.Categories), len(b.Signs), len(b.Principles))
	}
	perSign := map[string]int{}
	first := 0
	for _, s := range b.Scenarios {
		if s.Answer == b.SignCategory().ID {
			first++
		}
		for _, id := range s.Signs {
			perSign[id]++
		}
	}
	for i := 1; i <= 10; i++ {
		id := fmt.Sprint(i)
		sg, ok := b.Sign(id)
		if !ok {
			t.Errorf("warning sign %d is missing", i)
			continue
		}
		if perSign[id] < content.MinSignScenarios {
			t.Errorf("sign %d (%s) has %d scenarios; want at least %d", i, sg.Label, perSign[id], content.MinSignScenarios)
		}
		// A sign without its own description reads as the essay's list item.
		if para, _ := p.Paragraph(sg.Paragraph); para == nil || para.Kind != content.ListItem || para.Number != i || sg.Description != para.Text {
			t.Errorf("sign %d should point at list item %d and be described by it: %+v", i, i, sg)
		}
	}
	if share := 100 * first / len(b.Scenarios); share < content.MinAnswerShare || share > content.MaxAnswerShare {
		t.Errorf("%d%% of answers are %q; want %d–%d%%", share, b.SignCategory().ID, content.MinAnswerShare, content.MaxAnswerShare)
	}
}

func TestQuizPassagesAreVerbatim(t *testing.T) {
	p := loadSeeds(t)
	for _, s := range p.Quiz.Scenarios {
		if !strings.Contains(p.Source, s.Passage) {
			t.Errorf("%s (line %d): passage is not word for word in the published essay: %.60q", s.ID, s.Line, s.Passage)
		}
		if s.Paragraph == nil || !strings.Contains(s.Paragraph.Text, s.Passage) {
			t.Errorf("%s (line %d): passage is not in its paragraph %s", s.ID, s.Line, s.ParagraphID)
			continue
		}
		if s.Chapter != s.Paragraph.Chapter.Number || s.Paragraph.ID != s.ParagraphID {
			t.Errorf("%s: chapter %d, paragraph %s, linked to %s in chapter %d", s.ID, s.Chapter, s.ParagraphID, s.Paragraph.ID, s.Paragraph.Chapter.Number)
		}
	}
}

func TestQuizIDsAreUniqueAndStable(t *testing.T) {
	p := loadSeeds(t)
	b := p.Quiz
	seen := map[string]bool{}
	for _, s := range b.Scenarios {
		if seen[s.ID] {
			t.Errorf("scenario id %q is used twice", s.ID)
		}
		seen[s.ID] = true
		if got, ok := b.Scenario(s.ID); !ok || got != s {
			t.Errorf("Scenario(%q) does not find it", s.ID)
		}
	}
	// Review schedules and quiz history in every reader's progress file
	// point at these IDs: renaming one is a breaking change.
	pinned := map[string]string{
		"tenant-phonebank-overtime":     "ngo",
		"co-chair-contested-election":   "mass",
		"union-endorses-for-access":     "ngo",
		"rent-bill-study-sessions":      "mass",
		"local-endorsement-member-vote": "mass",
		"chapter-strategy-memo":         "ngo",
		"grant-lapses-committees-fold":  "ngo",
	}
	for id, answer := range pinned {
		s, ok := b.Scenario(id)
		if !ok {
			t.Errorf("scenario %q is gone", id)
			continue
		}
		if s.Answer != answer {
			t.Errorf("scenario %q: answer %q; want %q", id, s.Answer, answer)
		}
	}
	for _, c := range []string{"ngo", "mass"} {
		if _, ok := b.Category(c); !ok {
			t.Errorf("category %q is gone", c)
		}
	}
	if _, ok := b.Principle("open-democracy"); !ok {
		t.Error(`principle "open-democracy" is gone`)
	}
}

func TestQuizHelpers(t *testing.T) {
	b := loadSeeds(t).Quiz
	total := 0
	for n := range 10 {
		for _, s := range b.ByChapter(n) {
			if s.Chapter != n {
				t.Errorf("ByChapter(%d) returned %s from chapter %d", n, s.ID, s.Chapter)
			}
			total++
		}
	}
	if total != len(b.Scenarios) {
		t.Errorf("ByChapter over all chapters gives %d of %d scenarios", total, len(b.Scenarios))
	}
	s, _ := b.Scenario("tenant-phonebank-overtime")
	if signs := b.SignsOf(s); len(signs) != 1 || signs[0].ID != "1" {
		t.Errorf("SignsOf = %+v", signs)
	}
	m, _ := b.Scenario("co-chair-contested-election")
	if ps := b.PrinciplesOf(m); len(ps) != 1 || ps[0].ID != "leaders-turn-over" {
		t.Errorf("PrinciplesOf = %+v", ps)
	}
	for _, missing := range []func() bool{
		func() bool { _, ok := b.Sign("11"); return ok },
		func() bool { _, ok := b.Principle("1"); return ok },
		func() bool { _, ok := b.Category("maybe"); return ok },
		func() bool { _, ok := b.Scenario("nope"); return ok },
	} {
		if missing() {
			t.Error("a lookup found something that does not exist")
		}
	}
}

// A tiny pack with a quiz: p1 body, p2 and p3 the list, p4 in chapter two.
const quizArticle = `<!-- chapter: One -->

Staff run the show and “members” only pose for the photographs.

1. Overwork is rewarded.
2. Funders come first.

<!-- chapter: Two -->

Members decide together in open meetings and elect their own leaders.
`

const quizDefs = `categories:
  - id: ngo
    label: NGO-like
    description: Staff steer.
  - id: mass
    label: Mass-like
    description: Members steer.
signs:
  - id: 1
    label: Overwork
    paragraph: p2
  - id: 2
    label: Funders first
    paragraph: p3
principles:
  - id: open-democracy
    label: Open democracy
    description: Members decide.
`

var (
	text20 = strings.TrimSpace(strings.Repeat("word ", 20))
	expl45 = strings.TrimSpace(strings.Repeat("because ", 45))
)

// item is one scenario, ten lines long; the first starts at line 2 of the
// file, the second at line 12, and so on. Field lines: id +0, setting +1,
// viewpoint +2, difficulty +3, text +4, answer +5, tags +6, explanation +7,
// passage +8, paragraph +9.
func item(id, answer, tags, passage, para string) string {
	return "  - id: " + id + "\n    setting: office\n    viewpoint: member\n    difficulty: easy\n" +
		"    text: " + text20 + "\n    answer: " + answer + "\n    " + tags + "\n" +
		"    explanation: " + expl45 + "\n    passage: " + passage + "\n    paragraph: " + para + "\n"
}

var (
	ngoItem  = func(id string) string { return item(id, "ngo", "signs: [1]", `"Staff run the show"`, "p1") }
	massItem = func(id string) string {
		return item(id, "mass", "principles: [open-democracy]", `"elect their own leaders"`, "p4")
	}
)

func quizPack(defs, scenarios string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":      {Data: []byte("id: tiny\ntitle: Tiny\narticle: article.md\nquiz: quiz.yaml\nscenarios: scenarios.yaml\n")},
		"article.md":     {Data: []byte(quizArticle)},
		"quiz.yaml":      {Data: []byte(defs)},
		"scenarios.yaml": {Data: []byte(scenarios)},
	}
}

func TestTinyQuizLoadsWithWarnings(t *testing.T) {
	p, err := content.Load(quizPack(quizDefs, "scenarios:\n"+ngoItem("a")+massItem("b")+ngoItem("c")))
	if err != nil {
		t.Fatal(err)
	}
	b := p.Quiz
	if len(b.Scenarios) != 3 || b.Scenarios[1].Chapter != 2 || b.Scenarios[0].Paragraph.ID != "p1" {
		t.Fatalf("scenarios: %+v", b.Scenarios)
	}
	if sg, _ := b.Sign("2"); sg.Description != "Funders come first." || sg.Line != 12 {
		t.Errorf("sign 2 = %+v; want the essay's item as description, line 12", sg)
	}
	// 2 of 3 answers are ngo (67%), and each sign has fewer than four items.
	want := []string{
		`scenarios.yaml: answers are lopsided: 2 of 3 (66%) are "ngo"`,
		`quiz.yaml:9: sign "1" (Overwork) is tagged on 2 scenarios`,
		`quiz.yaml:12: sign "2" (Funders first) is tagged on 0 scenarios`,
	}
	got := b.Warnings.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("warnings\n%s\nlack %q", got, w)
		}
	}
}

func TestQuizProblemsNameTheLine(t *testing.T) {
	two := func(extra string) string { return "scenarios:\n" + ngoItem("a") + massItem("b") + extra }
	cases := []struct {
		name, defs, scenarios string
		want                  []string
	}{
		{"syntax", quizDefs, "scenarios:\n  - id: [unclosed\n", []string{"scenarios.yaml:2:"}},
		{"syntax in definitions", "categories:\n  - {id: ngo\n", two(""), []string{"quiz.yaml:2:"}},
		{"unknown key", quizDefs, two(ngoItem("c") + "    colour: red\n"), []string{`scenarios.yaml:32: unknown field "colour"`}},
		{"unknown top key", quizDefs + "extras: 1\n", two(""), []string{`quiz.yaml:19: unknown key "extras"`}},
		{"not verbatim", quizDefs, two(item("c", "ngo", "signs: [1]", `"Staff run the show and \"members\" only"`, "p1")),
			[]string{`scenarios.yaml:30: c: passage differs from p1 in quotation marks`}},
		{"not in paragraph", quizDefs, two(item("c", "ngo", "signs: [1]", `"Staff run the company"`, "p1")),
			[]string{`scenarios.yaml:30: c: passage is not in p1: it departs from the text after "…Staff run the "`}},
		{"unknown sign", quizDefs, two(item("c", "ngo", "signs: [1, 7]", `"Staff run the show"`, "p1")),
			[]string{`scenarios.yaml:28: c: "7" is not one of the signs`}},
		{"unknown principle", quizDefs, two(item("c", "mass", "principles: [vibes]", `"elect their own leaders"`, "p4")),
			[]string{`scenarios.yaml:28: c: "vibes" is not one of the principles`}},
		{"no sign", quizDefs, two(item("c", "ngo", "signs: []", `"Staff run the show"`, "p1")),
			[]string{`scenarios.yaml:27: c: a "ngo" item needs at least one of "signs"`}},
		{"wrong tags", quizDefs, two(item("c", "mass", "signs: [1]", `"Staff run the show"`, "p1")),
			[]string{`scenarios.yaml:27: c: a "mass" item needs at least one of "principles"`, `scenarios.yaml:28: c: a "mass" item takes "principles", not "signs"`}},
		{"duplicate id", quizDefs, two(ngoItem("a")), []string{`scenarios.yaml:22: scenario id "a" is already used (line 2)`}},
		{"bad paragraph", quizDefs, two(item("c", "ngo", "signs: [1]", `"Staff run the show"`, "p99")),
			[]string{`scenarios.yaml:31: c: paragraph "p99" is not in the article`}},
		{"bad answer", quizDefs, two(item("c", "maybe", "signs: [1]", `"Staff run the show"`, "p1")),
			[]string{`scenarios.yaml:27: c: answer "maybe" is not a category (ngo or mass)`}},
		{"bad difficulty", quizDefs, two(strings.Replace(ngoItem("c"), "easy", "brutal", 1)),
			[]string{`scenarios.yaml:25: c: difficulty "brutal" is not one of [easy medium hard]`}},
		{"short explanation", quizDefs, two(strings.Replace(ngoItem("c"), expl45, "too short", 1)),
			[]string{`scenarios.yaml:29: c: explanation has 2 words; keep it between 40 and 100`}},
		{"long text", quizDefs, two(strings.Replace(ngoItem("c"), text20, strings.Repeat("word ", 111), 1)),
			[]string{`scenarios.yaml:26: c: text has 111 words; keep it between 15 and 110`}},
		{"missing field", quizDefs, two(strings.Replace(ngoItem("c"), "    setting: office\n", "", 1)),
			[]string{`scenarios.yaml:22: c: "setting" is required`}},
		{"bad id", quizDefs, two(ngoItem("Tenant_Phonebank")), []string{`scenarios.yaml:22: scenario id "Tenant_Phonebank": use lower-case`}},
		{"duplicate sign", strings.Replace(quizDefs, "id: 2", "id: 1", 1), two(""),
			[]string{`quiz.yaml:12: sign id "1" is already used (line 9)`}},
		{"sign paragraph", strings.Replace(quizDefs, "paragraph: p3", "paragraph: p30", 1), two(""),
			[]string{`quiz.yaml:14: sign "2": paragraph "p30" is not in the article`}},
		{"duplicate principle", quizDefs + "  - id: open-democracy\n    label: Again\n    description: Twice.\n", two(""),
			[]string{`quiz.yaml:19: principle id "open-democracy" is already used (line 16)`}},
		{"no categories", strings.Replace(quizDefs, "categories:\n", "categories: []\nx:\n", 1), two(""),
			[]string{`quiz.yaml:1: a quiz has exactly two categories, not 0`}},
		{"no signs", strings.Replace(quizDefs, "signs:\n", "signs: []\nx:\n", 1), "scenarios: []\n",
			[]string{`quiz.yaml:8: "signs" is empty`, `scenarios.yaml:1: "scenarios" is empty`}},
		{"three categories", strings.Replace(quizDefs, "signs:", "  - id: maybe\n    label: Maybe\n    description: Unsure.\nsigns:", 1), two(""),
			[]string{`quiz.yaml:1: a quiz has exactly two categories, not 3`}},
		{"every problem at once", quizDefs, two(item("c", "ngo", "signs: [9]", `"Staff run it"`, "p99") + ngoItem("a")),
			[]string{`scenarios.yaml:28: c: "9" is not one of the signs`, `scenarios.yaml:31: c: paragraph "p99"`, `scenarios.yaml:32: scenario id "a" is already used`}},
	}
	for _, c := range cases {
		_, err := content.Load(quizPack(c.defs, c.scenarios))
		var probs content.Problems
		if !errors.As(err, &probs) {
			t.Errorf("%s: want Problems, got %v", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error\n%v\nlacks %q", c.name, err, w)
			}
		}
	}
}

func TestQuizNeedsBothFiles(t *testing.T) {
	fsys := quizPack(quizDefs, "scenarios:\n"+ngoItem("a"))
	fsys["pack.yaml"] = &fstest.MapFile{Data: []byte("id: tiny\ntitle: Tiny\narticle: article.md\nquiz: quiz.yaml\n")}
	if _, err := content.Load(fsys); err == nil || !strings.Contains(err.Error(), `"quiz" and "scenarios" go together`) {
		t.Fatalf("got %v", err)
	}
}

func FuzzQuiz(f *testing.F) {
	f.Add(quizDefs, "scenarios:\n"+ngoItem("a")+massItem("b"))
	f.Add(quizDefs, "scenarios:\n  - id: x\n    signs: !0\n0000000000000 \n      -00000000000000000000000000\n")
	f.Add("categories: []\nsigns: 1\n", "scenarios: {a: b}\n")
	f.Add("", "- - -\n")
	for _, h := range hostile {
		f.Add(quizDefs, h)
		f.Add(h, "scenarios:\n"+ngoItem("a")+massItem("b"))
	}
	f.Fuzz(func(t *testing.T, defs, scenarios string) {
		p := checkPack(t, quizPack(defs, scenarios))
		if p == nil {
			return
		}
		if len(p.Quiz.Categories) != 2 || len(p.Quiz.Scenarios) == 0 {
			t.Fatalf("loaded with %d categories and %d scenarios", len(p.Quiz.Categories), len(p.Quiz.Scenarios))
		}
		for _, s := range p.Quiz.Scenarios {
			if s.Paragraph == nil || !strings.Contains(s.Paragraph.Text, s.Passage) {
				t.Fatalf("%s loaded without its passage in its paragraph", s.ID)
			}
			if _, ok := p.Quiz.Category(s.Answer); !ok {
				t.Fatalf("%s loaded with answer %q", s.ID, s.Answer)
			}
		}
	})
}

// Whatever the quiz's answers, signs and principles put in “…” is the
// essay's own words (a sign without a description of its own is the essay's
// list item, so it quotes nothing).
func TestQuizTagsQuoteTheEssay(t *testing.T) {
	p := loadSeeds(t)
	var essay []string
	for _, para := range p.Paragraphs() {
		essay = append(essay, strings.Join(strings.Fields(para.Text), " "))
	}
	text := strings.Join(essay, "\n")
	quoted := regexp.MustCompile(`“([^”]+)”`)
	b := p.Quiz
	var texts []string
	for _, c := range b.Categories {
		texts = append(texts, c.Label, c.Description)
	}
	for _, list := range [][]content.Sign{b.Signs, b.Principles} {
		for _, s := range list {
			texts = append(texts, s.Label, s.Description)
		}
	}
	quotes := 0
	for _, s := range texts {
		for _, m := range quoted.FindAllStringSubmatch(s, -1) {
			phrase := strings.TrimRight(strings.Join(strings.Fields(m[1]), " "), ",.;:")
			if !strings.Contains(text, phrase) {
				t.Errorf("the quiz quotes “%s”, which the essay does not say", phrase)
			}
			quotes++
		}
	}
	if quotes == 0 {
		t.Error("no quiz tag quotes the essay: is the test reading the descriptions?")
	}
}
