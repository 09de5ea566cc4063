package content_test

import (
	"fmt"
	"strings"
	"testing"

	"studyguide/content"
)

// quizProblems validates a tiny quiz pack: its problems and warnings.
func quizProblems(defs, scenarios string) (probs, warns string) {
	p, w := content.Validate(quizPack(defs, scenarios))
	return fmt.Sprint(p), fmt.Sprint(w)
}

// items is n NGO-like and m mass-like scenarios.
func items(n, m int) string {
	s := "scenarios:\n"
	for i := range n {
		s += ngoItem(fmt.Sprintf("n%d", i))
	}
	for i := range m {
		s += massItem(fmt.Sprintf("m%d", i))
	}
	return s
}

// The warning about lopsided answers holds exactly: 45% to 55% of one
// category pass, 40% and 60% are warned of; a quiz without categories has
// no share to warn of.
func TestAnswerShareLimits(t *testing.T) {
	for _, c := range []struct {
		ngo, mass int
		warned    bool
	}{{9, 11, false}, {11, 9, false}, {8, 12, true}, {12, 8, true}} {
		_, warns := quizProblems(quizDefs, items(c.ngo, c.mass))
		if got := strings.Contains(warns, "answers are lopsided"); got != c.warned {
			t.Errorf("%d of %d NGO-like: warned %v:\n%s", c.ngo, c.ngo+c.mass, got, warns)
		}
	}
	noCategories := strings.Replace(quizDefs, quizDefs[:strings.Index(quizDefs, "signs:")], "categories: []\n", 1)
	if _, warns := quizProblems(noCategories, items(3, 0)); strings.Contains(warns, "lopsided") {
		t.Errorf("without categories: %s", warns)
	}
}

// A sign tagged on four scenarios can be practised; on three it is warned
// of.
func TestSignPracticeLimit(t *testing.T) {
	for _, c := range []struct {
		tagged int
		warned bool
	}{{4, false}, {3, true}} {
		_, warns := quizProblems(quizDefs, items(c.tagged, c.tagged))
		if got := strings.Contains(warns, `sign "1" (Overwork) is tagged on`); got != c.warned {
			t.Errorf("sign 1 on %d scenarios: warned %v:\n%s", c.tagged, got, warns)
		}
	}
}

// A scenario's text has 15 to 110 words and its explanation 40 to 100,
// each exactly.
func TestScenarioWordLimits(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	for _, c := range []struct {
		field   string
		n       int
		problem string // "" for none
	}{
		{"text", 15, ""}, {"text", 14, "text has 14 words"}, {"text", 110, ""}, {"text", 111, "text has 111 words"},
		{"explanation", 40, ""}, {"explanation", 39, "explanation has 39 words"},
		{"explanation", 100, ""}, {"explanation", 101, "explanation has 101 words"},
	} {
		sc := items(1, 1)
		if c.field == "text" {
			sc = strings.Replace(sc, "text: "+text20, "text: "+words(c.n), 1)
		} else {
			sc = strings.Replace(sc, "explanation: "+expl45, "explanation: "+words(c.n), 1)
		}
		probs, _ := quizProblems(quizDefs, sc)
		if c.problem == "" && strings.Contains(probs, c.field+" has") || c.problem != "" && !strings.Contains(probs, c.problem) {
			t.Errorf("%s of %d words: problems %s", c.field, c.n, probs)
		}
	}
}

// A quiz file's problems come in line order, two on one line in the order
// they were found; a sign needs a description or a paragraph that states
// it.
func TestQuizProblemsInLineOrder(t *testing.T) {
	defs := strings.Replace(quizDefs, "    label: NGO-like\n    description: Staff steer.\n", "", 1) +
		"signs_title: \"\"\n" // read first, at the end of the file
	defs = strings.Replace(defs, "    label: Funders first\n    paragraph: p3\n", "    label: Funders first\n", 1)
	probs, _ := quizProblems(defs, items(2, 2))
	label := strings.Index(probs, `category "ngo" needs a "label"`)
	desc := strings.Index(probs, `category "ngo" needs a "description"`)
	sign := strings.Index(probs, `needs a "description" or a "paragraph" that states it`)
	title := strings.Index(probs, "signs_title")
	if label < 0 || desc < 0 || sign < 0 || title < 0 || !(label < desc && desc < sign && sign < title) {
		t.Errorf("want the category's label, its description, the sign, then signs_title, in that order:\n%s", probs)
	}
}

// The name of the signs is one line of at most 40 characters, exactly.
func TestSignsTitleLimit(t *testing.T) {
	for _, c := range []struct {
		title string
		ok    bool
	}{{strings.Repeat("s", 40), true}, {strings.Repeat("s", 41), false}, {"warning signs", true}} {
		probs, _ := quizProblems(quizDefs+"signs_title: "+c.title+"\n", items(2, 2))
		if got := !strings.Contains(probs, "signs_title should be"); got != c.ok {
			t.Errorf("signs_title of %d characters: accepted %v:\n%s", len(c.title), got, probs)
		}
	}
}
