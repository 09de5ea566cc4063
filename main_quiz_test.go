package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runIn executes the command line with text on standard input.
func runIn(t *testing.T, input string, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetIn(strings.NewReader(input))
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

// A piped, plain quiz: the same seed gives the same items, answers are
// checked, the summary counts them, and a closed input ends it cleanly.
func TestPlainQuizInAPipe(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("STUDYGUIDE_STATE_DIR", dir)
	pack, _ := loadPack()

	// Find the first two items of seed 11 by asking once with no answers.
	out, err := runIn(t, "", "quiz", "--plain", "--seed", "11", "--limit", "3")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "[1/3]") || !strings.Contains(out, "Nothing answered yet.") {
		t.Fatalf("closed input before any answer:\n%s", out)
	}
	// Answer the first item right and the second wrong, by looking up the key.
	var answers []string
	first := itemAt(t, out)
	sc, _ := pack.Quiz.Scenario(first)
	if sc.Answer == "ngo" {
		answers = append(answers, "1", sc.Signs[0])
	} else {
		answers = append(answers, "2")
	}
	answers = append(answers, "nonsense", "q")
	out, err = runIn(t, strings.Join(answers, "\n")+"\n", "quiz", "--plain", "--seed", "11", "--limit", "3")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Right: ", "The essay: “", "Answer with a number from 1 to 2, or the start of a name; q stops.",
		"Stopped after 1 of 3: 1 right (100%).", "Classification:",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, flattenWords(sc.Passage)[:30]) {
		t.Errorf("the item's passage is not quoted")
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "\x1b") {
			t.Fatalf("escape sequence in plain output: %q", l)
		}
		if n := len([]rune(l)); n > 80 {
			t.Fatalf("line of %d characters in an 80-column pipe: %q", n, l)
		}
	}
	// The answer was kept: a progress file now records the session.
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if len(files) != 1 {
		t.Fatalf("progress files: %v", files)
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), first) {
		t.Errorf("progress does not mention the answered item %s", first)
	}
}

func TestPlainQuizWrongAnswerGoesToReview(t *testing.T) {
	t.Setenv("STUDYGUIDE_STATE_DIR", t.TempDir())
	pack, _ := loadPack()
	out, _ := runIn(t, "", "quiz", "--plain", "--seed", "5", "--limit", "1")
	id := itemAt(t, out)
	sc, _ := pack.Quiz.Scenario(id)
	wrong := "1"
	if sc.Answer == "ngo" {
		wrong = "2"
	}
	out, err := runIn(t, wrong+"\n", "quiz", "--plain", "--seed", "5", "--limit", "1")
	if err != nil || !strings.Contains(out, "Not this time.") || !strings.Contains(out, "Finished: 0 of 1 right (0%).") ||
		!strings.Contains(out, "Missed (1):") || !strings.Contains(out, "Chapters to reread:") {
		t.Fatalf("wrong answer: %v\n%s", err, out)
	}
	out, err = runIn(t, "q\n", "quiz", "--plain", "--review")
	if err != nil || !strings.Contains(out, "review, 1 item") || !strings.Contains(out, flattenWords(sc.Text)[:40]) {
		t.Fatalf("the missed item is not up for review: %v\n%s", err, out)
	}
}

func TestQuizNeedsATerminalOrPlain(t *testing.T) {
	_, err := run(t, "quiz")
	if err == nil || !strings.Contains(err.Error(), "--plain") {
		t.Fatalf("want an error pointing at --plain, got %v", err)
	}
	_, err = run(t, "quiz", "--chapter", "99", "--plain")
	if err == nil || !strings.Contains(err.Error(), "no chapter") {
		t.Fatalf("unknown chapter: %v", err)
	}
}

// itemAt finds which scenario the first item of a plain quiz is, by its text.
func itemAt(t *testing.T, out string) string {
	t.Helper()
	p, _ := loadPack()
	flat := flattenWords(out)
	best, at := "", len(flat)
	for _, sc := range p.Quiz.Scenarios {
		if i := strings.Index(flat, flattenWords(sc.Text)); i >= 0 && i < at {
			best, at = sc.ID, i
		}
	}
	if best == "" {
		t.Fatalf("no scenario found in:\n%s", out)
	}
	return best
}

func flattenWords(s string) string { return strings.Join(strings.Fields(s), " ") }
