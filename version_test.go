package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/charmbracelet/fang"
)

const testHash = "4e56f6534fb7c86721a5a301946f972699624e4f"

// cloneInfo is what Go embeds when a clone is built with go build.
func cloneInfo(mainVersion string, modified bool) *debug.BuildInfo {
	m := "false"
	if modified {
		m = "true"
	}
	return &debug.BuildInfo{
		Main: debug.Module{Path: "studyguide", Version: mainVersion},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: testHash},
			{Key: "vcs.time", Value: "2026-11-25T14:00:52Z"},
			{Key: "vcs.modified", Value: m},
		},
	}
}

func TestBuildVersionLine(t *testing.T) {
	tests := []struct {
		name                  string
		version, commit, date string
		info                  *debug.BuildInfo
		want, wantCommit      string
	}{
		{"release", "0.2.0", testHash, "2026-11-30T23:10:00Z", nil,
			"0.2.0, built 2026-11-30", testHash},
		{"release wins over the VCS stamp", "v0.2.0", "abcdef0123456", "2026-11-30T23:10:00Z", cloneInfo("v0.0.0-20261125140052-4e56f6534fb7", true),
			"0.2.0, built 2026-11-30", "abcdef0123456"},
		{"clone, untagged commit", "", "", "", cloneInfo("v0.0.0-20261125140052-4e56f6534fb7", false),
			"devel, committed 2026-11-25", testHash},
		{"clone with local changes", "", "", "", cloneInfo("v0.0.0-20261125140052-4e56f6534fb7+dirty", true),
			"devel+dirty, committed 2026-11-25", testHash},
		{"clone at a tag", "", "", "", cloneInfo("v0.3.0", false),
			"0.3.0, committed 2026-11-25", testHash},
		{"go run: no stamp", "", "", "", &debug.BuildInfo{Main: debug.Module{Path: "studyguide", Version: "(devel)"}},
			"devel", ""},
		{"no build information", "", "", "", nil, "devel", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := buildOf(tt.version, tt.commit, tt.date, tt.info)
			if got := b.versionLine(); got != tt.want {
				t.Errorf("version line = %q, want %q", got, tt.want)
			}
			if b.Commit != tt.wantCommit {
				t.Errorf("commit = %q, want %q", b.Commit, tt.wantCommit)
			}
		})
	}
}

// execute runs the command line through fang, as main does, with the
// version options main passes.
func execute(t *testing.T, b build, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := fang.Execute(context.Background(), cmd, fang.WithVersion(b.versionLine()), fang.WithCommit(b.Commit))
	return out.String(), err
}

func TestVersionFlagNamesTheBuild(t *testing.T) {
	b := buildOf("0.2.0", testHash, "2026-11-30T23:10:00Z", nil)
	for _, flag := range []string{"--version", "-v"} {
		out, err := execute(t, b, flag)
		if err != nil {
			t.Fatal(err)
		}
		if want := "studyguide version 0.2.0, built 2026-11-30 (4e56f65)\n"; out != want {
			t.Errorf("%s printed %q, want %q", flag, out, want)
		}
	}
}

// The release archives and packages carry a man page and completions made
// by the program itself (scripts/gen-docs); fang provides both commands.
func TestManPageAndCompletions(t *testing.T) {
	// fang writes the man page to os.Stdout itself.
	f, err := os.Create(filepath.Join(t.TempDir(), "studyguide.1"))
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	_, err = execute(t, thisBuild(), "man")
	os.Stdout = stdout
	if err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(f.Name())
	for _, want := range []string{".TH STUDYGUIDE 1", ".SH OPTIONS", "--no-save", "quiz", "glossary", "present"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for shell, want := range map[string]string{
		"bash": "complete -o default -F __start_studyguide studyguide",
		"zsh":  "#compdef studyguide",
		"fish": "complete -c studyguide",
	} {
		out, err := execute(t, thisBuild(), "completion", shell)
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("completion %s: %v; no %q in\n%.200s", shell, err, want, out)
		}
	}
}
