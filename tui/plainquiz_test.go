package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"studyguide/content"
	"studyguide/quiz"
)

// In the line-by-line quiz each number is printed beside the answer it
// gives: a reader who types the number shown beside "NGO-like" answers
// NGO-like, and is told so. The same for the signs of the follow-up.
func TestPlainQuizNumbersMatchTheirLabels(t *testing.T) {
	pack := testPack(t)
	bank := pack.Quiz
	opts := quiz.Options{Seed: 2, Limit: 8}
	ahead, err := quiz.NewSession(bank, opts) // the same seed: the same items
	if err != nil {
		t.Fatal(err)
	}
	// Answer every item right, by number: the category's place in the
	// quiz, then the place of the first sign it shows.
	var in []string
	signsAsked := 0
	for _, sc := range ahead.Items() {
		i := slices.IndexFunc(bank.Categories, func(c content.Category) bool { return c.ID == sc.Answer })
		in = append(in, fmt.Sprint(i+1))
		if sc.Answer == bank.SignCategory().ID {
			j := slices.IndexFunc(bank.Signs, func(s content.Sign) bool { return s.ID == sc.Signs[0] })
			in = append(in, fmt.Sprint(j+1))
			signsAsked++
		}
	}
	if signsAsked == 0 || signsAsked == len(ahead.Items()) {
		t.Fatalf("seed %d gives %d sign questions in %d items; want some of each kind", opts.Seed, signsAsked, len(ahead.Items()))
	}
	s, _ := quiz.NewSession(bank, opts)
	var out strings.Builder
	if err := PlainQuiz(strings.NewReader(strings.Join(in, "\n")+"\n"), &out, pack, s, "test", 200, func(*quiz.Session) {}); err != nil {
		t.Fatal(err)
	}
	text := out.String()

	var menu strings.Builder
	for i, c := range bank.Categories {
		fmt.Fprintf(&menu, "  %d) %s\n", i+1, c.Label)
	}
	if n := strings.Count(text, menu.String()); n != len(ahead.Items()) {
		t.Fatalf("the menu\n%s is printed %d times for %d items:\n%s", menu.String(), n, len(ahead.Items()), text)
	}
	var signMenu strings.Builder
	for i, sg := range bank.Signs {
		fmt.Fprintf(&signMenu, "  %d) %s\n", i+1, sg.Label)
	}
	if n := strings.Count(text, signMenu.String()); n != signsAsked {
		t.Fatalf("the signs' menu\n%s is printed %d times for %d follow-ups:\n%s", signMenu.String(), n, signsAsked, text)
	}
	for _, sc := range ahead.Items() {
		c, _ := bank.Category(sc.Answer)
		// the typed number is answered with its label, and it was right
		if !strings.Contains(text, "> "+c.Label+"\nRight: "+c.Label+".\n") {
			t.Errorf("typing %s's number did not answer %q:\n%s", sc.ID, c.Label, text)
		}
		if sc.Answer == bank.SignCategory().ID {
			sg, _ := bank.Sign(sc.Signs[0])
			if !strings.Contains(text, "> "+sg.Label+"\nYes: "+sg.ID+". "+sg.Label+".\n") {
				t.Errorf("typing sign %s's number did not answer %q:\n%s", sg.ID, sg.Label, text)
			}
		}
	}
	if want := fmt.Sprintf("Finished: %d of %d right (100%%).", len(ahead.Items()), len(ahead.Items())); !strings.Contains(text, want) {
		t.Errorf("summary lacks %q:\n%s", want, text)
	}
}

// In the plain quiz, 0 picks the tenth sign as it does on the quiz screen,
// and a start of a name that fits two answers says which two.
func TestPlainQuizTakesZeroAndNamesAmbiguousMatches(t *testing.T) {
	pack := testPack(t)
	bank := pack.Quiz
	opts := quiz.Options{Seed: 5, Limit: 20}
	ahead, _ := quiz.NewSession(bank, opts)
	var in []string
	for _, sc := range ahead.Items() { // wrong answers up to the first sign question
		if sc.Answer == bank.SignCategory().ID {
			in = append(in, "1", "p", "0")
			break
		}
		in = append(in, "1")
	}
	s, _ := quiz.NewSession(bank, opts)
	var out strings.Builder
	if err := PlainQuiz(strings.NewReader(strings.Join(in, "\n")+"\n"), &out, pack, s, "test", 200, func(*quiz.Session) {}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	var p []string
	for _, sg := range bank.Signs {
		if strings.HasPrefix(strings.ToLower(sg.Label), "p") {
			p = append(p, sg.Label)
		}
	}
	if len(p) < 2 {
		t.Fatalf("the test needs two signs starting with p: %v", p)
	}
	if want := "“p” could be " + strings.Join(p, " or "); !strings.Contains(text, want) {
		t.Errorf("an ambiguous start does not name its matches (want %q):\n%s", want, text)
	}
	tenth := bank.Signs[9]
	if !strings.Contains(text, "> "+tenth.Label+"\n") || !strings.Contains(text, " "+tenth.ID+". "+tenth.Label+".\n") {
		t.Errorf("0 did not answer the tenth sign, %q:\n%s", tenth.Label, text)
	}
}
