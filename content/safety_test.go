package content_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
)

// skeletonMap is the skeleton pack as a map, to plant things in.
func skeletonMap(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.SkeletonFiles(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(content.SkeletonFiles(), name)
		m[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// plant replaces the first old with new in one file of m, which must have it.
func plant(t testing.TB, m fstest.MapFS, file, old, new string) fstest.MapFS {
	t.Helper()
	s := string(m[file].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", file, old)
	}
	m[file] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
	return m
}

// osc52 writes "echo pwned" to the clipboard of a terminal that obeys it.
const osc52 = "\x1b]52;c;ZWNobyBwd25lZA==\x07"

// refused loads m, expects it refused, and checks that the problems include
// each of want and that printing them sends the terminal no control
// character.
func refused(t *testing.T, name string, m fstest.MapFS, want ...string) {
	t.Helper()
	p, err := content.Load(m)
	var probs content.Problems
	if p != nil || !errors.As(err, &probs) {
		t.Errorf("%s: loaded (%v), want it refused", name, err)
		return
	}
	out := err.Error()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s: problems\n%s\nlack %q", name, out, w)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07\x08\r\u009b\u009d\u202e") {
		t.Errorf("%s: printing the problems would send control characters: %q", name, out)
	}
	vprobs, _ := content.Validate(m)
	if vprobs.Error() != out {
		t.Errorf("%s: Validate and Load disagree:\n%v\n---\n%v", name, vprobs, out)
	}
}

func TestPlantedOSC52IsRefused(t *testing.T) {
	refused(t, "glossary definition",
		plant(t, skeletonMap(t), "glossary.yaml", "The list of questions", "The list "+osc52+"of questions"),
		"glossary.yaml:7: character 16 is an escape character (ESC, U+001B): terminal control sequences are not allowed")
	refused(t, "article",
		plant(t, skeletonMap(t), "article.md", "This is a sample article.", osc52+"This is a sample article."),
		"article.md:5: character 1 is an escape character (ESC, U+001B)")
	// Both at once: every problem in one run.
	both := plant(t, skeletonMap(t), "glossary.yaml", "The list of questions", "The list "+osc52+"of questions")
	refused(t, "both", plant(t, both, "article.md", "This is a sample article.", osc52+"This is a sample article."),
		"article.md:5: character 1", "glossary.yaml:7: character 16")
}

func TestControlCharactersAnywhereAreRefused(t *testing.T) {
	cases := []struct{ name, file, old, new, want string }{
		{"title change in pack.yaml", "pack.yaml", "title: A Sample", "title: \x1b]0;pwned\x07A Sample",
			"pack.yaml:4: character 8 is an escape character (ESC, U+001B)"},
		{"escape in a YAML quoted text", "scenarios.yaml", `passage: "Meetings are closed`, `passage: "\e[2J\e[HMeetings are closed`,
			`scenarios.yaml:19: a quoted text has an escape (such as \e or \x1b) for an escape character (ESC, U+001B)`},
		{"hex escape in a YAML key", "quiz.yaml", "label: Closed meetings", `"label\x1b[31m": Closed meetings`,
			"quiz.yaml:16: a quoted text has an escape (such as \\e or \\x1b) for an escape character"},
		{"NEL as a YAML escape", "quiz.yaml", "label: No vote", `label: "No\N vote"`,
			"quiz.yaml:19: a quoted text has an escape (such as \\e or \\x1b) for a C1 control character (NEL, U+0085)"},
		{"C1 CSI", "quiz.yaml", "label: Decided together", "label: Decided\u009b2J together",
			"quiz.yaml:9: character 19 is a C1 control character (CSI, U+009B)"},
		{"OSC as C1", "guide.yaml", "title: The whole reading", "title: The whole\u009d0;x\u009c reading",
			"a C1 control character (OSC, U+009D)"},
		{"bell", "article.md", "# A Sample Reading", "# A Sample\a Reading", "article.md:3: character 11 is a control character (BEL, U+0007)"},
		{"backspace", "glossary.yaml", "term: quorum", "term: quo\brum", "glossary.yaml:14: character 14 is a control character (BS, U+0008)"},
		{"lone carriage return", "article.md", "In one, a few", "In one,\r a few", "a control character (CR, U+000D)"},
		{"bidi override", "scenarios.yaml", "The Elm Street", "The \u202eteertS mlE", "scenarios.yaml:9: character 11 is a bidirectional control (RLO, U+202E)"},
		{"bidi isolate", "guide.yaml", "focus: Both", "focus: \u2067Both", "a bidirectional control (RLI, U+2067)"},
		{"not UTF-8", "article.md", "This is", "This \x9b is", "article.md:5: character 6 is a byte that is not UTF-8 (0x9B)"},
		{"character reference", "article.md", "This is", "This &#27;[2J is", `article.md:5: the character reference "&#27;" stands for an escape character (ESC, U+001B)`},
		{"harmless reference first", "article.md", "This is", "This &#65; &#27;[2J is", `article.md:5: the character reference "&#27;" stands for an escape character (ESC, U+001B)`},
		{"hex reference, no semicolon", "article.md", "This is", "This &#x1B[2J is", `the character reference "&#x1B" stands for an escape character`},
		{"reference to a C1 control", "article.md", "This is", "This &#x9b;2J is", `the character reference "&#x9b;" stands for a C1 control character (CSI, U+009B)`},
		{"reference in a link", "article.md", "This is", "[This](https://example.org/&#x1b;]52) is", `"&#x1b;" stands for an escape character`},
		{"escape in a comment", "pack.yaml", "# Every field", "# \x1b[8mEvery field", "pack.yaml:2: character 3 is an escape character"},
		{"DEL", "glossary.yaml", "kind: organizing", "kind: organizing\x7f", "a control character (DEL, U+007F)"},
	}
	for _, c := range cases {
		refused(t, c.name, plant(t, skeletonMap(t), c.file, c.old, c.new), c.want)
	}
}

func TestTabsAndCRLFAreFine(t *testing.T) {
	m := skeletonMap(t)
	for name, f := range m {
		m[name] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(f.Data), "\n", "\r\n"))}
	}
	plant(t, m, "article.md", "This is a sample", "This\tis a sample")
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Chapters[0].Paragraphs()[1].Text; !strings.HasPrefix(got, "This\tis a sample") || strings.Contains(got, "\r") {
		t.Errorf("paragraph = %q", got)
	}
}

// YAML tags can hide bytes from the checks (!!binary), and an alias can be
// expanded again and again: both are refused.
func TestYAMLTagsAndAliasesAreRefused(t *testing.T) {
	refused(t, "binary", plant(t, skeletonMap(t), "quiz.yaml", "label: No vote", "label: !!binary G10yOztjO1pXTm9ieUJ3ZDI1bFpBPT0H"),
		"quiz.yaml:19: uses the YAML tag !!binary: tags are not allowed in a pack")
	refused(t, "alias", plant(t, skeletonMap(t), "quiz.yaml", "label: No vote\n", "label: &l No vote\n    description: *l\n"),
		"quiz.yaml:19: uses a YAML anchor or alias")
}

// Links and images are shown as text; nothing in a pack is fetched, and
// markdown the reader cannot show is refused.
func TestArticleMarkup(t *testing.T) {
	m := plant(t, skeletonMap(t), "article.md", "This is a sample article.",
		"This is a [sample](https://example.org/a) article ![a chart](https://example.org/c.png) with <https://example.org> and www.example.org.")
	p, err := content.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	want := "This is a sample article a chart with https://example.org and www.example.org."
	if got := p.Chapters[0].Paragraphs()[1].Text; !strings.HasPrefix(got, want) {
		t.Errorf("paragraph text = %q, want it to start %q", got, want)
	}
	refused(t, "inline HTML", plant(t, skeletonMap(t), "article.md", "This is a sample", `This is <img src="https://example.org/t.png"> a sample`),
		"article.md:5: raw HTML is not shown")
	refused(t, "table", plant(t, skeletonMap(t), "article.md", "This is a sample", "| a | b |\n|---|---|\n| 1 | 2 |\n\nThis is a sample"),
		"article.md:5: unsupported markdown block (Table)")
	refused(t, "code block", plant(t, skeletonMap(t), "article.md", "This is a sample", "```\ncode\n```\n\nThis is a sample"),
		"article.md:6: unsupported markdown block (FencedCodeBlock)")
}

func TestSafeText(t *testing.T) {
	cases := map[string]string{
		"plain text, “quotes” – dashes\tand tabs\n": "plain text, “quotes” – dashes\tand tabs\n",
		osc52:             `\x1b]52;c;ZWNobyBwd25lZA==\x07`,
		"a\u009bb\u202ec": `a\x9bb\u202ec`,
		"bad \xff byte":   `bad \xff byte`,
	}
	for in, want := range cases {
		if got := content.SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}
