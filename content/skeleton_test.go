package content_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

var updateDocs = flag.Bool("update", false, "rewrite the example pack in docs/packs.md from content/skeleton")

const docsFile = "../docs/packs.md"

// skeletonOrder is the order docs/packs.md shows the skeleton's files in.
var skeletonOrder = []string{"pack.yaml", "article.md", "glossary.yaml", "quiz.yaml", "scenarios.yaml", "guide.yaml"}

func TestSkeletonValidates(t *testing.T) {
	probs, warns := content.Validate(content.SkeletonFiles())
	if len(probs) > 0 {
		t.Fatalf("the skeleton has problems:\n%v", probs)
	}
	// The only warnings say that each sign needs more scenarios.
	for _, w := range warns {
		if !strings.Contains(w.Msg, "it needs at least") {
			t.Errorf("unexpected warning: %v", w)
		}
	}
	p, err := content.Load(content.SkeletonFiles())
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Chapters) != 2 || len(p.Glossary.Terms) != 2 || len(p.Quiz.Signs) < 2 || len(p.Guide.Chapters) != 2 {
		t.Errorf("the skeleton should show every kind of entry: %d chapters, %d terms, %d signs, %d guide chapters",
			len(p.Chapters), len(p.Glossary.Terms), len(p.Quiz.Signs), len(p.Guide.Chapters))
	}
	if got := p.Quiz.SignsName(); got != "warning signs" {
		t.Errorf("SignsName = %q", got)
	}
}

func TestWriteSkeleton(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mypack")
	if err := content.WriteSkeleton(dir); err != nil {
		t.Fatal(err)
	}
	probs, _ := content.ValidateDir(dir)
	if len(probs) > 0 {
		t.Fatalf("the written pack has problems:\n%v", probs)
	}
	if _, err := content.LoadDir(dir); err != nil {
		t.Fatal(err)
	}
	// Never over an author's work: a second init, or any non-empty
	// directory, is refused and leaves the files alone.
	os.WriteFile(filepath.Join(dir, "article.md"), []byte("my edits"), 0o644)
	if err := content.WriteSkeleton(dir); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second init: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "article.md")); string(b) != "my edits" {
		t.Error("init overwrote an edited file")
	}
	// An existing empty directory is fine; a file is not a directory.
	empty := t.TempDir()
	if err := content.WriteSkeleton(empty); err != nil {
		t.Errorf("empty directory: %v", err)
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	if err := content.WriteSkeleton(file); err == nil {
		t.Error("init into a file succeeded")
	}
}

// The example in docs/packs.md is the skeleton, file for file, and passes
// validation. go test ./content -run TestDocsExample -update rewrites it.
func TestDocsExample(t *testing.T) {
	doc, err := os.ReadFile(docsFile)
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- skeleton:start -->\n", "<!-- skeleton:end -->"
	i, j := strings.Index(string(doc), start), strings.Index(string(doc), end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q and %q markers", docsFile, start, end)
	}
	want := skeletonSection(t)
	if *updateDocs {
		out := string(doc[:i+len(start)]) + want + string(doc[j:])
		if err := os.WriteFile(docsFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got := string(doc[i+len(start) : j])
	if got != want {
		t.Fatalf("the example in %s is not the skeleton; run go test ./content -run TestDocsExample -update", docsFile)
	}
	files := docBlocks(got)
	if len(files) != len(skeletonOrder) {
		t.Fatalf("the example shows %d files, want %d", len(files), len(skeletonOrder))
	}
	if probs, _ := content.Validate(files); len(probs) > 0 {
		t.Fatalf("the example in %s has problems:\n%v", docsFile, probs)
	}
}

// skeletonSection is the skeleton written out as docs/packs.md shows it.
func skeletonSection(t *testing.T) string {
	var b strings.Builder
	files := content.SkeletonFiles()
	names, _ := fs.Glob(files, "*")
	if len(names) != len(skeletonOrder) {
		t.Fatalf("the skeleton has files %v; update skeletonOrder", names)
	}
	for _, name := range skeletonOrder {
		data, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		lang := "yaml"
		if strings.HasSuffix(name, ".md") {
			lang = "markdown"
		}
		b.WriteString("\n### " + name + "\n\n```" + lang + " file=" + name + "\n" + string(data) + "```\n")
	}
	return b.String() + "\n"
}

// docBlocks are the fenced blocks of s whose info string names a file.
func docBlocks(s string) fstest.MapFS {
	out := fstest.MapFS{}
	name, body := "", []string(nil)
	for _, line := range strings.Split(s, "\n") {
		switch {
		case name == "" && strings.HasPrefix(line, "```") && strings.Contains(line, " file="):
			name = line[strings.Index(line, " file=")+len(" file="):]
			body = nil
		case name != "" && line == "```":
			out[name] = &fstest.MapFile{Data: []byte(strings.Join(body, "\n") + "\n")}
			name = ""
		case name != "":
			body = append(body, line)
		}
	}
	return out
}
