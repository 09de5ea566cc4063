package content_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

// planPack is a pack of the test's own (the built-in one changes with the
// content): five chapters from 120 words to 7,000, questions for some and
// none for one, with the meetings given or left to the plan.
func planPack(t *testing.T, meetings string) *content.Pack {
	t.Helper()
	chapters := []struct {
		title     string
		words     int
		questions int
	}{{"Short", 300, 3}, {"A long chapter that takes most of an hour", 7000, 5}, {"Medium", 2000, 4}, {"No questions", 1000, 0}, {"Tail", 120, 1}}
	var article, guide strings.Builder
	guide.WriteString("chapters:\n")
	para := 0
	for i, c := range chapters {
		n := i + 1
		sentence := fmt.Sprintf("Members of chapter %d decide.", n) // five words
		fmt.Fprintf(&article, "<!-- chapter: %s -->\n\n%s\n\n", c.title, strings.TrimSpace(strings.Repeat(sentence+"\n", c.words/5)))
		para++
		fmt.Fprintf(&guide, "  - chapter: %d\n    summary: [one, two, three]\n", n)
		if c.questions > 0 {
			guide.WriteString("    questions:\n")
		}
		for q := range c.questions {
			fmt.Fprintf(&guide, "      - text: What does point %d of chapter %d ask of a member who reads it closely?\n        paragraph: p%d\n        quote: Members of chapter %d decide.\n", q+1, n, para, n)
		}
	}
	guide.WriteString(meetings)
	p, err := content.Load(fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: plan\ntitle: A plan of the test's own, with a title long enough to wrap\narticle: article.md\nguide: guide.yaml\n")},
		"article.md": {Data: []byte(article.String())},
		"guide.yaml": {Data: []byte(guide.String())},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The reading plan of a pack of the test's own, grouped by the plan and by
// the guide's meetings, at widths from 20 to 80: its timing, the questions
// chosen and kept for when time allows, and the text. Run `go test
// ./content -run TestPlanGolden -update` after a deliberate change and read
// the diff.
func TestPlanGolden(t *testing.T) {
	var b strings.Builder
	for _, v := range []struct{ name, meetings string }{
		{"grouped by the plan", ""},
		{"the guide's meetings", "meetings:\n  - title: Two chapters\n    chapters: [1, 2]\n    focus: Keep the first questions of each chapter.\n" +
			"  - title: The rest\n    chapters: [3, 4, 5]\n"},
	} {
		p := planPack(t, v.meetings)
		fmt.Fprintf(&b, "#### %s\n", v.name)
		for _, m := range p.Plan() {
			fmt.Fprintf(&b, "meeting %d %q: chapters %d, %d words; reading %d, %d questions %d min, %d extra, quiz %d of %d %d min, open %d; %d minutes\n",
				m.Number, m.Title, len(m.Chapters), m.Words(), m.Reading, len(m.Questions), m.Discussion, len(m.Extra),
				m.QuizScenarios, m.Scenarios, m.Quiz, m.Open, m.Minutes())
		}
		for _, w := range []int{20, 23, 24, 40, 80} {
			fmt.Fprintf(&b, "#### %s at %d\n", v.name, w)
			if err := content.WritePlan(&b, p, w); err != nil {
				t.Fatal(err)
			}
		}
	}
	checkGolden(t, "plan.golden", "the plan", b.String())
}

// checkGolden compares got with the golden file testdata/NAME (written
// with -update) and fails at the first line that differs, saying what the
// text is (what).
func checkGolden(t *testing.T, name, what, got string) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if *updateDocs {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := range min(len(gl), len(wl)) {
		if gl[i] != wl[i] {
			t.Fatalf("%s differs from %s at line %d:\n got %q\nwant %q", what, file, i+1, gl[i], wl[i])
		}
	}
	t.Fatalf("%s differs from %s in length: %d lines, want %d", what, file, len(gl), len(wl))
}
