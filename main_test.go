package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"studyguide/progress"
)

// run executes the command line as a user would type it, output captured
// (so not a terminal).
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestPrintInAPipeIsPlainText(t *testing.T) {
	out, err := run(t, "print", "6", "--width", "50")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\x1b") {
		t.Fatal("print to a pipe must not contain escape sequences")
	}
	if !strings.HasPrefix(out, "Chapter 6 of 8: Institutional isomorphism") || !strings.Contains(out, "institutional isomorphism") {
		t.Fatalf("unexpected output:\n%.300s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 50 {
			t.Fatalf("line wider than --width 50: %q", l)
		}
	}
}

func TestChapterByName(t *testing.T) {
	out, err := run(t, "print", "grant")
	if err != nil || !strings.HasPrefix(out, "Chapter 3 of 8") {
		t.Fatalf("print grant: %v\n%.100s", err, out)
	}
}

func TestUnknownChapterListsTheChapters(t *testing.T) {
	for _, args := range [][]string{{"print", "12"}, {"read", "nonsense"}} {
		_, err := run(t, args...)
		if err == nil {
			t.Fatalf("%v: want an error", args)
		}
		msg := err.Error()
		if !strings.Contains(msg, "no chapter") || !strings.Contains(msg, "6  institutional-isomorphism") {
			t.Fatalf("%v: error does not list the chapters:\n%s", args, msg)
		}
	}
}

func TestInteractiveWithoutATerminalPointsAtPrint(t *testing.T) {
	for _, args := range [][]string{{}, {"read"}, {"read", "2"}} {
		_, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "studyguide print") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("%v without a terminal: want a one-line error pointing at print, got %v", args, err)
		}
	}
}

func TestBadTheme(t *testing.T) {
	_, err := run(t, "print", "1", "--theme", "purple")
	if err == nil || !strings.Contains(err.Error(), "auto, dark or light") {
		t.Fatalf("want a clear theme error, got %v", err)
	}
}

func TestCompletionOffersChapters(t *testing.T) {
	out, err := run(t, "__complete", "read", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2\tTen warning signs") || !strings.Contains(out, "8\tMember-led") {
		t.Fatalf("completion output:\n%s", out)
	}
	if out, _ := run(t, "completion", "bash"); !strings.Contains(out, "bash completion") {
		t.Fatal("no bash completion script")
	}
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("STUDYGUIDE_STATE_DIR", dir)
	st := `{"version":1,"pack":"mass-organizations-and-ngos","read":{"3.1":true},
		"notes":{"3":{"text":"Who sets our agenda?","updated":"2026-11-20T10:00:00Z"}}}`
	os.MkdirAll(filepath.Join(dir, "mass-organizations-and-ngos"), 0o755)
	os.WriteFile(filepath.Join(dir, "mass-organizations-and-ngos", "default.json"), []byte(st), 0o644)
	out, err := run(t, "export")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Notes on “Mass Organizations", "## 3. Grant funding and democratic limits", "1 of 2 sections read", "Who sets our agenda?"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "## 1.") {
		t.Error("chapters without notes should not be listed")
	}
	file := filepath.Join(t.TempDir(), "notes.md")
	if _, err := run(t, "export", "-o", file); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "Who sets our agenda?") {
		t.Fatalf("-o wrote %q", b)
	}
	os.WriteFile(file, []byte("edited since\n"), 0o644)
	if _, err := run(t, "export", "-o", file); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("export -o over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(file); string(b) != "edited since\n" {
		t.Fatalf("export -o replaced an existing file: %q", b)
	}
	if _, err := run(t, "export", "--profile", "../escape"); err == nil || !strings.Contains(err.Error(), "profile") {
		t.Fatalf("a bad profile name should be refused, got %v", err)
	}
}

// A crash ends with a non-zero status, after saving the reader's progress
// (Bubble Tea has restored the terminal and printed the trace); a kill or a
// cancelled context ends quietly, also after saving.
func TestAfterACrashProgressIsSavedAndTheStatusIsNotZero(t *testing.T) {
	for _, tc := range []struct {
		err   error
		crash bool
	}{
		{fmt.Errorf("%w: %w", tea.ErrProgramKilled, tea.ErrProgramPanic), true},
		{tea.ErrProgramPanic, true},
		{tea.ErrProgramKilled, false},
		{nil, false},
	} {
		dir := t.TempDir()
		store, st, _, err := progress.Open(progress.Options{Pack: "essay", Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		st.SetPosition(4, "p30")
		var stderr bytes.Buffer
		got := afterRun(tc.err, store, st, &stderr)
		if tc.crash != (got != nil) || tc.crash && !strings.Contains(got.Error(), "report") {
			t.Fatalf("after %v: %v", tc.err, got)
		}
		_, again, _, _ := progress.Open(progress.Options{Pack: "essay", Dir: dir})
		if again.Position.Paragraph != "p30" {
			t.Fatalf("after %v the progress was not saved: %+v", tc.err, again.Position)
		}
	}
}

// export with progress saved for another version of the pack: the place
// it names is gone, the note on a chapter that is gone is still exported,
// and a note's control characters never reach the output.
func TestExportFromAChangedPack(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("STUDYGUIDE_STATE_DIR", dir)
	st := `{"version":1,"position":{"chapter":9,"paragraph":"p999","at":"2026-11-20T10:00:00Z"},
		"quiz":{"cards":{"gone":{"box":1,"due":"2026-11-20T10:00:00Z","seen":1,"right":0,"last":"2026-11-20T10:00:00Z"}}},
		"notes":{"9":{"text":"On a cut chapter \u001b]52;c;aGk=\u0007 still mine","updated":"2026-11-20T10:00:00Z"}}}`
	os.MkdirAll(filepath.Join(dir, "mass-organizations-and-ngos"), 0o755)
	os.WriteFile(filepath.Join(dir, "mass-organizations-and-ngos", "default.json"), []byte(st), 0o644)
	out, err := run(t, "export")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "## Chapters no longer in this pack") || !strings.Contains(out, "still mine") {
		t.Fatalf("the note on a chapter that is gone was not exported:\n%s", out)
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Fatal("a note's control characters reached the export")
	}
}
