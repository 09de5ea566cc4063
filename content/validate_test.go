package content_test

import (
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/seeds"
)

func TestBuiltInPackIsClean(t *testing.T) {
	probs, warns := content.Validate(seeds.FS)
	if len(probs) > 0 || len(warns) > 0 {
		t.Errorf("the built-in pack has problems\n%v\nand warnings\n%v", probs, warns)
	}
	if got := loadSeeds(t).Quiz.SignsName(); got != "warning signs" {
		t.Errorf("SignsName = %q", got)
	}
}

// One run reports every problem in every file, in file order and line
// order, and the warnings apart.
func TestValidateReportsEverythingAtOnce(t *testing.T) {
	m := skeletonMap(t)
	plant(t, m, "pack.yaml", "reading_wpm: 200", "reading_wpm: 200\ncolour: red")
	plant(t, m, "article.md", "This is a sample", "This is <b>a</b> sample")
	plant(t, m, "glossary.yaml", "kind: organizing", "kind: nonsense")
	plant(t, m, "quiz.yaml", "id: no-vote", "id: closed-meetings")
	plant(t, m, "scenarios.yaml", "answer: top-down", "answer: maybe")
	plant(t, m, "scenarios.yaml", `passage: "Meetings are closed,`, `passage: "Meetings were closed,`)
	plant(t, m, "guide.yaml", "quote: A group can make its decisions in two ways.", "quote: A group decides.")
	probs, warns := content.Validate(m)
	want := []string{
		`pack.yaml:7: unknown key "colour"`,
		`article.md:5: raw HTML is not shown`,
		`glossary.yaml:3: agenda: kind "nonsense" is not one of`,
		`quiz.yaml:18: sign id "closed-meetings" is already used (line 15)`,
		`scenarios.yaml:12: meetings-moved-to-mornings: answer "maybe" is not a category (top-down or shared)`,
		`scenarios.yaml:19: meetings-moved-to-mornings: passage is not in p6`,
		`guide.yaml:12: chapter 1: quote "A group decides." does not occur verbatim in p3`,
	}
	got := probs.Error()
	at := 0
	for _, w := range want {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Errorf("problems\n%s\nlack %q (after what came before it)", got, w)
			continue
		}
		at += i
	}
	// The lopsided answers are a warning, not a problem.
	if !strings.Contains(warns.Error(), "scenarios.yaml: answers are lopsided") || strings.Contains(got, "lopsided") {
		t.Errorf("warnings\n%v", warns)
	}
}

// A glossary that does not parse no longer hides the problems of the files
// after it.
func TestBrokenFileDoesNotHideTheOthers(t *testing.T) {
	m := skeletonMap(t)
	plant(t, m, "glossary.yaml", "variants: [agendas]", "variants: [agendas")
	plant(t, m, "guide.yaml", "quote: A group can make its decisions in two ways.", "quote: A group decides.")
	probs, _ := content.Validate(m)
	if got := probs.Error(); !strings.Contains(got, "glossary.yaml:") || !strings.Contains(got, "guide.yaml:12:") {
		t.Errorf("problems:\n%s", got)
	}
}

// Without an article the other files are still read and parsed, and a
// warning says that the rest waits.
func TestWithoutTheArticle(t *testing.T) {
	m := skeletonMap(t)
	delete(m, "article.md")
	plant(t, m, "guide.yaml", "chapters:", "chapterz:")
	plant(t, m, "quiz.yaml", "label: No vote", "label: \x1b[5mNo vote")
	probs, warns := content.Validate(m)
	for _, w := range []string{
		"article.md: cannot read: there is no such file in the pack",
		"quiz.yaml:19: character 12 is an escape character",
		`guide.yaml:3: unknown key "chapterz"`,
	} {
		if !strings.Contains(probs.Error(), w) {
			t.Errorf("problems\n%v\nlack %q", probs, w)
		}
	}
	if !strings.Contains(warns.Error(), "glossary.yaml: checked only for syntax") {
		t.Errorf("warnings\n%v", warns)
	}
}

func TestMetaProblems(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"id: sample-reading", "id: ../../etc", `pack.yaml:3: id "../../etc": use lower-case letters, digits and single dashes`},
		{"id: sample-reading", "id: Sample Reading", `pack.yaml:3: id "Sample Reading"`},
		{"title: A Sample Reading", "title: ''", `pack.yaml:4: "title" is required`},
		{"reading_wpm: 200", "reading_wpm: fast", "pack.yaml:6: reading_wpm: "},
		{"reading_wpm: 200", "reading_wpm: 5", "pack.yaml:6: reading_wpm 5 is not a plausible reading speed"},
		{"article: article.md", "article: ./article.md", `pack.yaml:7: article "./article.md" is not a plain relative path`},
		{"article: article.md", "article: text/../article.md", `pack.yaml:7: article "text/../article.md" climbs out of the pack`},
		{"article: article.md", "article: C:/article.md", `pack.yaml:7: article "C:/article.md" is an absolute path`},
		{"guide: guide.yaml", "guide: pack.yaml", `pack.yaml:11: guide "pack.yaml" is the pack's own metadata file`},
		{"glossary: glossary.yaml", "glossary: missing.yaml", "missing.yaml: cannot read: there is no such file in the pack"},
		{"glossary: glossary.yaml", "glossary: '\\e]52;c;eA==\\a'", `pack.yaml:8: glossary "\\e]52;c;eA==\\a" contains a backslash`},
		{"glossary: glossary.yaml", `glossary: "\e]52;c;eA==\a"`, `pack.yaml:8: a quoted text has an escape (such as \e or \x1b) for an escape character`},
	}
	for _, c := range cases {
		probs, _ := content.Validate(plant(t, skeletonMap(t), "pack.yaml", c.old, c.new))
		if !strings.Contains(probs.Error(), c.want) {
			t.Errorf("%s: problems\n%v\nlack %q", c.new, probs, c.want)
		}
	}
}

func TestSignsTitle(t *testing.T) {
	m := plant(t, skeletonMap(t), "quiz.yaml", "signs_title: warning signs", "signs_title: red flags")
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if p.Quiz.SignsName() != "red flags" || p.Quiz.SignQuestion() != "Which of the red flags does it show?" {
		t.Errorf("SignsName %q, SignQuestion %q", p.Quiz.SignsName(), p.Quiz.SignQuestion())
	}
	m = plant(t, skeletonMap(t), "quiz.yaml", "signs_title: warning signs\n", "")
	if p, err := content.Load(m); err != nil || p.Quiz.SignsName() != "signs" {
		t.Errorf("without signs_title: %v", err)
	}
	m = plant(t, skeletonMap(t), "quiz.yaml", "signs_title: warning signs", "signs_title: "+strings.Repeat("sign ", 10))
	if probs, _ := content.Validate(m); !strings.Contains(probs.Error(), "quiz.yaml:13: signs_title should be a short plural name") {
		t.Errorf("problems:\n%v", probs)
	}
}

// A file saved with a byte-order mark (as some Windows editors do) is one
// problem, said once with its file, not a page of unrelated ones.
func TestByteOrderMarkIsOneProblem(t *testing.T) {
	for _, file := range []string{"pack.yaml", "article.md", "glossary.yaml", "scenarios.yaml", "guide.yaml"} {
		m := skeletonMap(t)
		m[file].Data = append([]byte("\xef\xbb\xbf"), m[file].Data...)
		probs, _ := content.Validate(m)
		var mine []string
		for _, p := range probs {
			if p.File == file {
				mine = append(mine, p.Error())
			}
		}
		want := file + ":1: file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM"
		if len(mine) != 1 || mine[0] != want {
			t.Errorf("%s with a BOM: %d problems in it: %q\nwant only %q", file, len(mine), mine, want)
		}
	}
}
