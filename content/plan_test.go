package content_test

import (
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/ansi"

	"studyguide/content"
	"studyguide/seeds"
)

// seedsWith is the built-in pack as a MapFS, each file passed through edit
// (which may return "" to leave it out).
func seedsWith(t *testing.T, edit func(name, data string) string) *content.Pack {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(seeds.FS, name)
		if data := edit(name, string(raw)); data != "" {
			m[name] = &fstest.MapFile{Data: []byte(data)}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := content.Load(m)
	if err != nil {
		t.Fatalf("loading the edited pack: %v", err)
	}
	return p
}

// planVariants are the built-in pack with the guide's meetings, with the
// guide but no meetings, and with no guide at all.
func planVariants(t *testing.T) map[string]*content.Pack {
	noMeetings := func(name, data string) string {
		if name == "guide.yaml" {
			return data[:strings.Index(data, "\nmeetings:")+1]
		}
		return data
	}
	noGuide := func(name, data string) string {
		if name == "pack.yaml" {
			return strings.Replace(data, "guide: guide.yaml", "", 1)
		}
		return data
	}
	return map[string]*content.Pack{
		"guide's meetings": loadSeeds(t),
		"no meetings":      seedsWith(t, noMeetings),
		"no guide":         seedsWith(t, noGuide),
	}
}

func TestPlanTakesEveryChapterOnce(t *testing.T) {
	for name, p := range planVariants(t) {
		plan := p.Plan()
		var got []int
		for i, m := range plan {
			if m.Number != i+1 || m.Title == "" || len(m.Chapters) == 0 {
				t.Errorf("%s: meeting %d: number %d, title %q, %d chapters", name, i+1, m.Number, m.Title, len(m.Chapters))
			}
			for _, c := range m.Chapters {
				got = append(got, c.Number)
			}
		}
		if len(got) != len(p.Chapters) {
			t.Errorf("%s: plan takes chapters %v", name, got)
			continue
		}
		for i, n := range got {
			if n != i+1 {
				t.Errorf("%s: plan takes chapters %v; want each once, in order", name, got)
				break
			}
		}
		if name == "no meetings" && len(plan) != len(p.Guide.Meetings) && len(plan) != 4 {
			t.Errorf("%s: grouped into %d meetings", name, len(plan))
		}
	}
}

func TestPlanMeetingsTakeAboutAnHour(t *testing.T) {
	for name, p := range planVariants(t) {
		for _, m := range p.Plan() {
			if n := m.Minutes(); n < 40 || n > 80 {
				t.Errorf("%s: meeting %d takes %d minutes: %+v", name, m.Number, n, m)
			}
			if m.Discussion != content.QuestionMinutes*len(m.Questions) {
				t.Errorf("%s: meeting %d: %d minutes for %d questions", name, m.Number, m.Discussion, len(m.Questions))
			}
			if m.QuizScenarios > m.Scenarios || m.Quiz != content.ScenarioMinutes*m.QuizScenarios || m.Quiz > content.MaxQuizMinutes {
				t.Errorf("%s: meeting %d: quiz of %d of %d scenarios in %d minutes", name, m.Number, m.QuizScenarios, m.Scenarios, m.Quiz)
			}
			if m.Reading != content.ReadingMinutes(m.Words(), p.Meta.ReadingWPM) {
				t.Errorf("%s: meeting %d: reading %d min for %d words", name, m.Number, m.Reading, m.Words())
			}
		}
	}
}

// A focus that says how long the reading takes agrees with the plan.
func TestPlanAgreesWithTheFocusText(t *testing.T) {
	p := loadSeeds(t)
	about := regexp.MustCompile(`(?i)about (\d+) minutes of reading|reading, about (\d+) minutes`)
	for _, m := range p.Plan() {
		sm := about.FindStringSubmatch(m.Focus)
		if sm == nil {
			continue
		}
		n, _ := strconv.Atoi(sm[1] + sm[2])
		if n != m.Reading {
			t.Errorf("meeting %d: focus says %d minutes of reading, the plan %d", m.Number, n, m.Reading)
		}
	}
}

func TestWritePlan(t *testing.T) {
	for name, p := range planVariants(t) {
		var b strings.Builder
		if err := content.WritePlan(&b, p, 72); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		flat := strings.Join(strings.Fields(out), " ")
		want := []string{p.Meta.Title, "Meeting 1 — "}
		for _, c := range p.Chapters {
			want = append(want, c.Title)
		}
		if p.Guide != nil {
			for _, c := range p.Guide.Chapters {
				for _, q := range c.Questions {
					want = append(want, strings.Join(strings.Fields(q.Text), " "))
				}
			}
		}
		for _, s := range want {
			if !strings.Contains(flat, s) {
				t.Errorf("%s: plan lacks %q", name, s)
			}
		}
		if out != ansi.Strip(out) || strings.Contains(out, "\t") {
			t.Errorf("%s: plan is not plain text", name)
		}
	}
}

func TestWritePlanRespectsWidth(t *testing.T) {
	p := loadSeeds(t)
	for _, width := range []int{1, 2, 3, 4, 5, 8, 20, 23, 24, 40, 72, 100} {
		var b strings.Builder
		if err := content.WritePlan(&b, p, width); err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(b.String(), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d wide: %q", width, i+1, w, l)
			}
			if strings.TrimRight(l, " ") != l {
				t.Errorf("width %d: line %d has trailing space: %q", width, i+1, l)
			}
		}
	}
	// No width means a printable default.
	var b strings.Builder
	if err := content.WritePlan(&b, p, 0); err != nil || !strings.Contains(b.String(), "Meeting 4") {
		t.Errorf("WritePlan at width 0: %v\n%s", err, b.String())
	}
}

// A long chapter leaves less time for questions: the rest are kept for when
// time allows, and each chapter keeps at least one.
func TestPlanFitsQuestionsToTheHour(t *testing.T) {
	long := strings.Repeat("Members decide together.\n", 2400) // one paragraph of 7,200 words: 36 minutes
	article := "<!-- chapter: Long -->\n\n" + long + "\n\n<!-- chapter: Short -->\n\nStaff manage participation.\n"
	guide := "chapters:\n" + guideEntry(1, "p1", "Members decide together.", 5) + guideEntry(2, "p2", "Staff manage", 3) +
		"meetings:\n  - title: Everything\n    chapters: [1, 2]\n"
	p, err := content.Load(fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: long\ntitle: Long\narticle: article.md\nguide: guide.yaml\n")},
		"article.md": {Data: []byte(article)},
		"guide.yaml": {Data: []byte(guide)},
	})
	if err != nil {
		t.Fatal(err)
	}
	m := p.Plan()[0]
	if m.Reading != 37 || len(m.Questions) != 4 || len(m.Extra) != 4 || m.Minutes() != 57 {
		t.Fatalf("reading %d, %d questions, %d extra, %d minutes", m.Reading, len(m.Questions), len(m.Extra), m.Minutes())
	}
	// round the chapters in turn: two from each
	if m.Questions[1].Paragraph.ID != "p1" || m.Questions[2].Paragraph.ID != "p2" {
		t.Errorf("questions chosen: %+v", m.Questions)
	}
	var b strings.Builder
	if err := content.WritePlan(&b, p, 60); err != nil || !strings.Contains(b.String(), "If time allows\n  5. ") {
		t.Errorf("plan does not offer the rest:\n%s", b.String())
	}
}

func guideEntry(chapter int, para, quote string, questions int) string {
	s := "  - chapter: " + strconv.Itoa(chapter) + "\n    summary: [a, b, c]\n    questions:\n"
	for i := range questions {
		s += "      - text: What is point " + strconv.Itoa(i+1) + "?\n        paragraph: " + para + "\n        quote: " + quote + "\n"
	}
	return s
}

// Each meeting's focus names the questions to keep when time is short by a
// phrase of theirs in “…”: each must be a question the plan schedules for
// that meeting, not one left for when time allows or one that was rewritten.
func TestPlanFocusNamesScheduledQuestions(t *testing.T) {
	p := loadSeeds(t)
	quoted := regexp.MustCompile(`“([^”]+)”`)
	for _, m := range p.Plan() {
		phrases := quoted.FindAllStringSubmatch(m.Focus, -1)
		if len(phrases) == 0 {
			t.Errorf("meeting %d: focus names no question", m.Number)
		}
		for _, ph := range phrases {
			want := strings.Join(strings.Fields(ph[1]), " ")
			found := false
			for _, q := range m.Questions {
				if strings.Contains(strings.Join(strings.Fields(q.Text), " "), want) {
					found = true
				}
			}
			if !found {
				t.Errorf("meeting %d: focus names “%s”, which no question scheduled for it says", m.Number, want)
			}
		}
	}
}
