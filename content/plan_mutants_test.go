package content_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

// quizPlanPack is the skeleton pack (one meeting of its two chapters, three
// questions each, four quiz scenarios) read at 100 words a minute, its
// article padded to words words.
func quizPlanPack(t *testing.T, words int) *content.Pack {
	t.Helper()
	m := plant(t, skeletonMap(t), "pack.yaml", "reading_wpm: 200", "reading_wpm: 100")
	base, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	have := base.Chapters[0].Words() + base.Chapters[1].Words()
	if words < have {
		t.Fatalf("the skeleton has %d words already", have)
	}
	var pad strings.Builder
	for n := words - have; n > 0; n -= 10 {
		pad.WriteString(strings.TrimSpace(strings.Repeat("word ", min(n, 10))) + "\n")
	}
	plant(t, m, "article.md", "at the top of this file.\n", "at the top of this file.\n"+pad.String())
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Chapters[0].Words() + p.Chapters[1].Words(); got != words {
		t.Fatalf("padded to %d words, want %d", got, words)
	}
	return p
}

// A meeting with a quiz: the quiz's minutes come out of the hour before the
// questions are chosen, the questions go round the chapters in turn, and
// what is left over becomes open discussion only when it is at least one
// question's worth (five minutes).
func TestPlanTimesAMeetingWithAQuiz(t *testing.T) {
	for _, c := range []struct {
		words                     int
		reading, questions, extra int
		first                     string // the chapters of the questions chosen, in order
		quiz, open, minutes       int
	}{
		// 35 minutes of reading and 8 of quiz leave 17: three questions
		// (two from chapter 1, one from chapter 2), and 2 minutes, too few
		// to open up.
		{3450, 35, 3, 3, "1 1 2", 8, 0, 58},
		// 17 minutes of reading, all six questions (30), the quiz (8):
		// 5 minutes left, open discussion.
		{1650, 17, 6, 0, "1 1 1 2 2 2", 8, 5, 60},
	} {
		m := quizPlanPack(t, c.words).Plan()[0]
		var chs []string
		for _, q := range m.Questions {
			chs = append(chs, fmt.Sprint(q.Paragraph.Chapter.Number))
		}
		if m.Reading != c.reading || len(m.Questions) != c.questions || len(m.Extra) != c.extra || strings.Join(chs, " ") != c.first ||
			m.QuizScenarios != 4 || m.Quiz != c.quiz || m.Open != c.open || m.Minutes() != c.minutes {
			t.Errorf("%d words: reading %d, %d questions (chapters %s), %d extra, quiz %d of %d in %d min, open %d, %d minutes;\n"+
				"want reading %d, %d questions (chapters %s), %d extra, quiz 4 of 4 in %d min, open %d, %d minutes",
				c.words, m.Reading, len(m.Questions), strings.Join(chs, " "), len(m.Extra), m.QuizScenarios, m.Scenarios, m.Quiz, m.Open, m.Minutes(),
				c.reading, c.questions, c.first, c.extra, c.quiz, c.open, c.minutes)
		}
	}
	// The printed plan says the pack's own reading speed, and times the
	// chapters by it.
	p := quizPlanPack(t, 3450)
	var b strings.Builder
	if err := content.WritePlan(&b, p, 72); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%s (%d min)", p.Chapters[0].Title, p.Chapters[0].ReadingMinutes(100))
	if out := b.String(); !strings.Contains(strings.Join(strings.Fields(out), " "), "at 100 words a minute") || !strings.Contains(out, want) ||
		!strings.Contains(out, "Timing, about 58 minutes") || strings.Contains(out, "Open discussion") {
		t.Errorf("the plan lacks the reading speed, %q or the timing, or opens up 2 minutes:\n%s", want, out)
	}
}

// groupingPack has three chapters of 4,000, 3,000 and 4,000 words (20, 15
// and 20 minutes at 200 words a minute) and the given guide ("" for none).
func groupingPack(t *testing.T, guide string) *content.Pack {
	t.Helper()
	var article strings.Builder
	for i, words := range []int{4000, 3000, 4000} {
		fmt.Fprintf(&article, "<!-- chapter: Part %d -->\n\n", i+1)
		for range words / 10 {
			article.WriteString("members decide together at open meetings every single month again\n")
		}
		article.WriteString("\n")
	}
	pack := "id: g\ntitle: Grouping\narticle: article.md\n"
	m := fstest.MapFS{"article.md": {Data: []byte(article.String())}}
	if guide != "" {
		pack += "guide: guide.yaml\n"
		m["guide.yaml"] = &fstest.MapFile{Data: []byte(guide)}
	}
	m["pack.yaml"] = &fstest.MapFile{Data: []byte(pack)}
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Without the guide's meetings, consecutive chapters share a meeting while
// their reading and discussion come to at most 65 minutes; a chapter
// without questions counts 15 minutes of open discussion. Here 20+15 and
// 15+15 make 65: the first two chapters share a meeting, the third has its
// own; and no meeting lists a discussion of no questions.
func TestPlanGroupsChaptersIntoAnHour(t *testing.T) {
	noQuestions := "chapters:\n"
	for n := 1; n <= 3; n++ {
		noQuestions += fmt.Sprintf("  - chapter: %d\n    summary: [one, two, three]\n", n)
	}
	for name, p := range map[string]*content.Pack{
		"no guide":                  groupingPack(t, ""),
		"a guide without questions": groupingPack(t, noQuestions),
	} {
		var got []string
		for _, m := range p.Plan() {
			var chs []string
			for _, c := range m.Chapters {
				chs = append(chs, fmt.Sprint(c.Number))
			}
			got = append(got, strings.Join(chs, "+"))
		}
		if strings.Join(got, ", ") != "1+2, 3" {
			t.Errorf("%s: meetings of chapters %s; want 1+2, 3", name, strings.Join(got, ", "))
		}
		var b strings.Builder
		if err := content.WritePlan(&b, p, 72); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "Discussion") {
			t.Errorf("%s: the plan lists a discussion of no questions:\n%s", name, b.String())
		}
	}
}

// A title of wide characters, printed one column wide: one character a
// line (none can be cut), then the rule, with no blank line between.
func TestPlanCutsWideCharactersWithoutBlankLines(t *testing.T) {
	m := plant(t, skeletonMap(t), "pack.yaml", "title: A Sample Reading", "title: 读书会")
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := content.WritePlan(&b, p, 1); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(strings.Split(b.String(), "\n")[:4], "\n"), "读\n书\n会\n"+strings.Repeat("=", 2); got != want {
		t.Errorf("the title at width 1:\n%s\nwant\n%s", got, want)
	}
}
