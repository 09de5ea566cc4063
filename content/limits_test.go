package content_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"studyguide/content"
)

// endlessFS serves the skeleton, except that one file is endless: its
// Reading it never ends; read counts the bytes read from it.
type endlessFS struct {
	fstest.MapFS
	name string
	read *int64
}

func (e endlessFS) Open(name string) (fs.File, error) {
	if name == e.name {
		return &endlessFile{e}, nil
	}
	return e.MapFS.Open(name)
}

func (e endlessFS) Stat(name string) (fs.FileInfo, error) {
	if name == e.name {
		return (&endlessFile{e}).Stat()
	}
	return e.MapFS.Stat(name)
}

type endlessFile struct{ e endlessFS }

func (f *endlessFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{f.e.name: {Data: nil}}.Stat(f.e.name)
}
func (f *endlessFile) Close() error { return nil }
func (f *endlessFile) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "aaaaaaa\n"[i%8]
	}
	*f.e.read += int64(len(p))
	return len(p), nil
}

// sizedInfo is a FileInfo with another size.
type sizedInfo struct {
	fs.FileInfo
	size int64
}

func (s sizedInfo) Size() int64 { return s.size }

func TestOversizedFileIsNotReadWhole(t *testing.T) {
	// A file whose size is known to be too big is refused unread.
	var read int64
	big := fstest.MapFS{}
	for k, v := range skeletonMap(t) {
		big[k] = v
	}
	big["glossary.yaml"] = &fstest.MapFile{Data: []byte(strings.Repeat("# padding\n", content.MaxYAMLBytes/10+1))}
	probs, _ := content.Validate(big)
	if !strings.Contains(probs.Error(), "glossary.yaml: is 1048580 bytes; the limit for this file is 1 MiB (1048576 bytes)") {
		t.Errorf("problems:\n%v", probs)
	}
	// A file that claims to be small and never ends is read only up to
	// the limit.
	e := endlessFS{MapFS: skeletonMap(t), name: "article.md", read: &read}
	probs, _ = content.Validate(statSize{e, 10})
	if !strings.Contains(probs.Error(), "article.md: is larger than 1 MiB, the limit for this file") {
		t.Errorf("problems:\n%v", probs)
	}
	if read > content.MaxArticleBytes+64<<10 {
		t.Errorf("read %d bytes of an endless file; the limit is %d", read, content.MaxArticleBytes)
	}
	// And one that says it is huge is not read at all.
	read = 0
	probs, _ = content.Validate(statSize{e, 10 << 30})
	if !strings.Contains(probs.Error(), "article.md: is 10240 MiB; the limit for this file is 1 MiB") || read != 0 {
		t.Errorf("read %d bytes; problems:\n%v", read, probs)
	}
}

// statSize makes an endlessFS report a size for its endless file.
type statSize struct {
	endlessFS
	size int64
}

func (s statSize) Stat(name string) (fs.FileInfo, error) {
	info, err := s.endlessFS.Stat(name)
	if name == s.name && err == nil {
		return sizedInfo{info, s.size}, nil
	}
	return info, err
}

// Input that would make a parser slow or large is refused before parsing,
// quickly.
func TestShapeLimits(t *testing.T) {
	deepFlow := "entries: " + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000) + "\n"
	dashes := "entries:\n" + strings.Repeat(strings.Repeat("- ", 8000)+"x\n", 60)
	flat := "entries: [" + strings.Repeat("a, ", 60_000) + "a]\n"
	manyLines := strings.Repeat("# a comment\n", content.MaxLines+1)
	cases := []struct{ name, file, data, want string }{
		{"deep flow", "glossary.yaml", deepFlow, "glossary.yaml:1: nests more than 16 levels deep"},
		{"dash runs", "glossary.yaml", dashes, "glossary.yaml:2: nests more than 16 levels deep"},
		{"flat flow", "glossary.yaml", flat, "lists in [..] or {..} hold more than 50000 items in all"},
		{"lines", "quiz.yaml", manyLines, "quiz.yaml: has 50002 lines; a pack file may have at most 50000"},
		{"long line", "guide.yaml", "chapters: []\n# " + strings.Repeat("a", 20_000) + "\n", "guide.yaml:2: line is 19.5 KiB long; keep lines under 16 KiB"},
		{"brackets", "article.md", "<!-- chapter: A -->\n\n" + strings.Repeat("[a](\n\n", 6000), `article.md: has 6000 "[" (links, images, brackets); at most 5000 are allowed`},
		{"emphasis", "article.md", "<!-- chapter: A -->\n\n" + strings.Repeat("*a ", 20_001), "article.md: has 20001 emphasis and code marks"},
		{"nested quotes", "article.md", "<!-- chapter: A -->\n\n" + strings.Repeat("> ", 17) + "a\n", "article.md:3: opens 17 quotes or lists inside each other; at most 16"},
		{"nested lists", "article.md", "<!-- chapter: A -->\n\n" + strings.Repeat(" ", 40) + "- a\n", "article.md:3: is indented 40 columns; indent article lines by at most 32"},
	}
	for _, c := range cases {
		m := skeletonMap(t)
		m[c.file] = &fstest.MapFile{Data: []byte(c.data)}
		start := time.Now()
		probs, _ := content.Validate(m)
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%s: took %v", c.name, took)
		}
		if !strings.Contains(probs.Error(), c.want) {
			t.Errorf("%s: problems\n%v\nlack %q", c.name, probs, c.want)
		}
	}
}

func TestEntryLimits(t *testing.T) {
	var g strings.Builder
	g.WriteString("entries:\n")
	for i := range content.MaxGlossaryTerms + 1 {
		fmt.Fprintf(&g, "  - term: t%d\n", i)
	}
	m := skeletonMap(t)
	m["glossary.yaml"] = &fstest.MapFile{Data: []byte(g.String())}
	probs, _ := content.Validate(m)
	want := fmt.Sprintf(`glossary.yaml:%d: "entries" has 2001 entries; a pack may have at most 2000`, 2+content.MaxGlossaryTerms)
	if !strings.Contains(probs.Error(), want) {
		t.Errorf("problems lack %q:\n%.2000s", want, probs.Error())
	}
	var a strings.Builder
	for i := range content.MaxChapters + 1 {
		fmt.Fprintf(&a, "<!-- chapter: C%d -->\n\nText.\n\n", i)
	}
	m = skeletonMap(t)
	m["article.md"] = &fstest.MapFile{Data: []byte(a.String())}
	if probs, _ := content.Validate(m); !strings.Contains(probs.Error(), "article.md: has 201 chapters; a pack may have at most 200") {
		t.Errorf("problems:\n%.2000s", probs.Error())
	}
}

// A long article with a full glossary loads in reasonable time: the
// glossary is matched through a word index, not by scanning every
// paragraph for every term.
func TestBigPackLoadsQuickly(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	m := skeletonMap(t)
	var a strings.Builder
	a.WriteString("<!-- chapter: One -->\n\n")
	for i := 0; a.Len() < content.MaxArticleBytes-2000; i++ {
		if i%2000 == 1999 {
			fmt.Fprintf(&a, "<!-- chapter: C%d -->\n\n", i)
		}
		fmt.Fprintf(&a, "Members of group %d decide together at an open meeting, with an agenda they write and a quorum set in advance.\n\n", i)
	}
	m["article.md"] = &fstest.MapFile{Data: []byte(a.String())}
	var g strings.Builder
	g.WriteString("entries:\n")
	for i := range 1500 {
		fmt.Fprintf(&g, "  - term: group %d\n    variants: [open meeting %d, members of group %d]\n    kind: concept\n    definition: %s\n", i, i, i, strings.Repeat("word ", 30))
	}
	m["glossary.yaml"] = &fstest.MapFile{Data: []byte(g.String())}
	delete(m, "guide.yaml")
	m["pack.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(m["pack.yaml"].Data), "guide: guide.yaml\n", "", 1))}
	start := time.Now()
	probs, _ := content.Validate(m)
	took := time.Since(start)
	for _, p := range probs {
		if p.File != "scenarios.yaml" && p.File != "quiz.yaml" { // they point at the skeleton's paragraphs
			t.Errorf("problem: %v", p)
			break
		}
	}
	if took > 5*time.Second {
		t.Errorf("validating took %v", took)
	}
	t.Logf("%d KiB article, 1500 terms: %v", a.Len()>>10, took)
}

// An article and glossary made to defeat the word index, every term made
// of words in every paragraph, hit the matching budget and stop.
func TestGlossaryMatchingIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	m := skeletonMap(t)
	line := "b " + strings.TrimSpace(strings.Repeat("a ", 8000)) + "\n\n"
	m["article.md"] = &fstest.MapFile{Data: []byte("<!-- chapter: A -->\n\n" + strings.Repeat(line, content.MaxArticleBytes/len(line)-1))}
	var g strings.Builder
	g.WriteString("entries:\n")
	for i := range content.MaxGlossaryTerms {
		form := func(k int) string { return strings.Repeat("a ", 1+(i+k)%50) + "b" }
		fmt.Fprintf(&g, "  - term: %s\n    variants: [%s, %s]\n", form(0), form(1), form(2))
	}
	m["glossary.yaml"] = &fstest.MapFile{Data: []byte(g.String())}
	start := time.Now()
	probs, _ := content.Validate(m)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("validating took %v", took)
	}
	if !strings.Contains(probs.Error(), "glossary.yaml: the terms are too costly to find in the article") {
		t.Errorf("problems:\n%.3000s", probs.Error())
	}
}

// Brackets in texts are text: the shape check follows quoted and block
// texts and comments as YAML does.
func TestBracketsInTextsAreNotNesting(t *testing.T) {
	deep := strings.Repeat("[", 40)
	for _, def := range []string{
		">-\n      " + deep + "\n      " + deep,
		"|\n      - - - - - - - - - - - - - - - - - - - -\n\n      " + deep,
		`"` + deep + `\"` + deep + `"`,
		"'" + deep + "''" + deep + "'",
		"plain text " + deep + " # and a comment " + deep,
	} {
		m := plant(t, skeletonMap(t), "glossary.yaml", ">-\n      The list of questions", def+"\n      The list of questions")
		probs, _ := content.Validate(m)
		if strings.Contains(probs.Error(), "nests more than") {
			t.Errorf("%q: %v", def, probs)
		}
	}
}
