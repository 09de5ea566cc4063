package content_test

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/content"
)

// guideProblems validates the tiny guide pack: its problems and warnings.
func guideProblems(t *testing.T, guide string) (probs, warns string) {
	t.Helper()
	p, w := content.Validate(guidePack(guide))
	return fmt.Sprint(p), fmt.Sprint(w)
}

// chapterOne is the tiny guide with chapter 1's summary and questions
// replaced.
func chapterOne(summary, questions int) string {
	var b strings.Builder
	b.WriteString("chapters:\n  - chapter: 1\n    summary: [")
	for i := range summary {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "idea %d", i+1)
	}
	b.WriteString("]\n    questions:\n")
	for i := range questions {
		fmt.Fprintf(&b, "      - text: How do members decide, %d?\n        paragraph: p2\n        quote: open meetings\n", i+1)
	}
	return b.String() + tinyGuide[strings.Index(tinyGuide, "  - chapter: 2"):]
}

// The counts of a chapter's key ideas and questions, exactly at their
// limits: 3 to 12 ideas and 3 to 5 questions without a warning, up to 50
// of each before it is a problem.
func TestGuideCountLimits(t *testing.T) {
	for _, c := range []struct {
		summary, questions int
		problem, warning   string // "" for none of either
	}{
		{3, 3, "", ""},
		{12, 5, "", ""},
		{13, 5, "", "summary has 13 bullets; give 3 to 12"},
		{12, 6, "", "6 questions; give 3 to 5"},
		{50, 50, "", "summary has 50 bullets"},
		{51, 5, "chapter 1: summary has 51 bullets; a pack may have at most 50", ""},
		{3, 51, "chapter 1: 51 questions; a pack may have at most 50", ""},
	} {
		probs, warns := guideProblems(t, chapterOne(c.summary, c.questions))
		name := fmt.Sprintf("%d ideas, %d questions", c.summary, c.questions)
		if c.problem == "" && strings.Contains(probs, "may have at most") || c.problem != "" && !strings.Contains(probs, c.problem) {
			t.Errorf("%s: problems %s; want %q", name, probs, c.problem)
		}
		counted := strings.Contains(warns, "bullets; give") || strings.Contains(warns, "questions; give")
		if c.warning == "" && counted || c.warning != "" && !strings.Contains(warns, c.warning) {
			t.Errorf("%s: warnings %s; want %q", name, warns, c.warning)
		}
	}
}

// An entry with an unknown key is still checked for everything else.
func TestGuideEntryWithAnUnknownKeyIsStillChecked(t *testing.T) {
	g := editLine(tinyGuide, 3, "    summary: [one, two, three]\n    colour: red")
	g = strings.Replace(g, "What do members decide together?", "Discuss what members decide.", 1)
	probs, _ := guideProblems(t, g)
	for _, want := range []string{`unknown field "colour"`, `question "Discuss what members decide." does not end with "?"`} {
		if !strings.Contains(probs, want) {
			t.Errorf("problems lack %q:\n%s", want, probs)
		}
	}
	if strings.Contains(probs, "has no summary or questions") {
		t.Errorf("the entry with an unknown key was taken as missing:\n%s", probs)
	}
}

// Chapters given out of order are kept in chapter order.
func TestGuideChaptersInOrder(t *testing.T) {
	one := tinyGuide[len("chapters:\n"):strings.Index(tinyGuide, "  - chapter: 2")]
	two := tinyGuide[strings.Index(tinyGuide, "  - chapter: 2"):strings.Index(tinyGuide, "meetings:")]
	p, err := content.Load(guidePack("chapters:\n" + two + one + tinyGuide[strings.Index(tinyGuide, "meetings:"):]))
	if err != nil {
		t.Fatal(err)
	}
	if cs := p.Guide.Chapters; len(cs) != 2 || cs[0].Chapter != 1 || cs[1].Chapter != 2 {
		t.Fatalf("guide chapters %v; want 1 then 2", cs)
	}
}

// A long question is shortened in a problem's message, to 57 characters
// and "…"; one of 60 is shown whole.
func TestGuideMessagesClipLongText(t *testing.T) {
	sixty := "Discuss " + strings.Repeat("x", 51) + "." // 60 characters
	probs, _ := guideProblems(t, strings.Replace(tinyGuide, "What do members decide together?", sixty, 1))
	if !strings.Contains(probs, `question "`+sixty+`" does not end`) {
		t.Errorf("a 60-character question is not shown whole:\n%s", probs)
	}
	probs, _ = guideProblems(t, strings.Replace(tinyGuide, "What do members decide together?", sixty+"x", 1))
	if !strings.Contains(probs, `question "`+(sixty + "x")[:57]+`…" does not end`) {
		t.Errorf("a 61-character question is not clipped to 57 and …:\n%s", probs)
	}
}

// The meeting plan's problems name the meeting and the chapter; an empty
// plan asks nothing of the chapters; an entry with an unknown key is still
// checked.
func TestGuideMeetingProblems(t *testing.T) {
	meetings := func(m string) string { return tinyGuide[:strings.Index(tinyGuide, "meetings:")] + m }
	chapters := func(n int) string { return strings.TrimSuffix(strings.Repeat("1, ", n), ", ") }
	for _, c := range []struct {
		name, yaml string
		want, not  []string
	}{
		{"a chapter met again", meetings("meetings:\n  - title: A\n    chapters: [2]\n  - title: B\n    chapters: [1]\n  - title: C\n    chapters: [1, 9]\n"),
			[]string{"meeting 2: chapter 1 comes after chapter 2", "meeting 3: chapter 1 is already in meeting 2", "meeting 3: chapter 9 does not exist"},
			[]string{"is in no meeting"}},
		{"an empty plan", meetings("meetings: []\n"), nil, []string{"is in no meeting"}},
		{"200 chapters", meetings("meetings:\n  - title: A\n    chapters: [2, " + chapters(199) + "]\n"), []string{"meeting 1: chapter 1 comes after"}, []string{"lists 200"}},
		{"201 chapters", meetings("meetings:\n  - title: A\n    chapters: [" + chapters(201) + "]\n"), []string{"meeting 1 lists 201 chapters; a pack has at most 200"}, nil},
		{"an unknown key", meetings("meetings:\n  - title: A\n    chapters: [1, 2]\n    room: 4\n  - title: \"\"\n    chapters: [2]\n"),
			[]string{`unknown field "room"`, `meeting 2 has no "title"`, "meeting 2: chapter 2 is already in meeting 1"}, nil},
	} {
		probs, _ := guideProblems(t, c.yaml)
		for _, w := range c.want {
			if !strings.Contains(probs, w) {
				t.Errorf("%s: problems lack %q:\n%s", c.name, w, probs)
			}
		}
		for _, w := range c.not {
			if strings.Contains(probs, w) {
				t.Errorf("%s: problems should not say %q:\n%s", c.name, w, probs)
			}
		}
	}
}

// YAML reads chapters:, "chapters": and 'chapters': as the same key, and so
// does a pack: a guide that quotes its keys (as one written out from JSON
// does) loads, and its problems name the same lines.
func TestQuotedKeysAreTheSameKeys(t *testing.T) {
	bad := strings.Replace(tinyGuide, "quote: open meetings", "quote: closed meetings", 1) +
		strings.Replace(tinyMap, "          chapter: 1", "          chapter: 9", 1)
	want := fmt.Sprint(content.Validate(guidePack(bad)))
	if !strings.Contains(want, `quote "closed meetings" does not occur`) || !strings.Contains(want, "chapter 9 does not exist") {
		t.Fatalf("the unquoted guide's problems: %s", want)
	}
	for _, key := range []string{"chapters", "questions", "quote", "map", "stages", "nodes", "chapter"} {
		for _, q := range []string{`"`, `'`} {
			quoted := strings.ReplaceAll(bad, " "+key+":", " "+q+key+q+":")
			quoted = strings.ReplaceAll(quoted, "\n"+key+":", "\n"+q+key+q+":")
			if strings.HasPrefix(quoted, key+":") {
				quoted = q + key + q + quoted[len(key):]
			}
			if quoted == bad {
				t.Fatalf("no key %s: in the guide", key)
			}
			if got := fmt.Sprint(content.Validate(guidePack(quoted))); got != want {
				t.Errorf("with %s%s%s quoted, the problems are\n%s\nwant\n%s", q, key, q, got, want)
			}
		}
	}
	if _, err := content.Load(guidePack(strings.ReplaceAll(tinyGuide, "questions:", `"questions":`))); err != nil {
		t.Errorf("a guide with quoted keys is refused: %v", err)
	}
}
