package content_test

import (
	"errors"
	"html"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"studyguide/content"
)

// Fuzz tests for every parser of pack files and for the whole loader. The
// seed corpus runs with every go test; to explore, run one at a time:
//
//	go test ./content -run XXX -fuzz FuzzPack -fuzztime 60s

// unsafeText finds text in a loaded pack that a terminal would obey: a
// forbidden character as it stands, or once Glamour has decoded the
// character references in it.
func unsafeText(v reflect.Value, seen map[uintptr]bool) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		for _, t := range []string{s, html.UnescapeString(s)} {
			if content.SafeText(t) != t {
				return s, true
			}
		}
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return "", false
		}
		seen[v.Pointer()] = true
		return unsafeText(v.Elem(), seen)
	case reflect.Interface:
		if !v.IsNil() {
			return unsafeText(v.Elem(), seen)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if s, bad := unsafeText(v.Field(i), seen); bad {
				return s, true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if s, bad := unsafeText(v.Index(i), seen); bad {
				return s, true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if s, bad := unsafeText(it.Value(), seen); bad {
				return s, true
			}
			if s, bad := unsafeText(it.Key(), seen); bad {
				return s, true
			}
		}
	}
	return "", false
}

// checkPack is what must hold for any input: loading never panics; a pack
// that loads holds no text a terminal would obey; one that does not gives
// Problems, printable safely. (Validate is the same load, keeping the
// warnings: running it again would halve the fuzzer's speed for nothing.)
func checkPack(t *testing.T, fsys fstest.MapFS) *content.Pack {
	t.Helper()
	// A hang is a failure too: crash, so the fuzzer keeps the input.
	watchdog := time.AfterFunc(10*time.Second, func() { panic("loading the pack took over 10 seconds") })
	defer watchdog.Stop()
	p, err := content.Load(fsys)
	if err != nil {
		var lp content.Problems
		if !errors.As(err, &lp) || len(lp) == 0 {
			t.Fatalf("a bad pack should give Problems, got %T %v", err, err)
		}
		if out := err.Error(); content.SafeText(out) != out {
			t.Fatalf("printing the problems would send control characters: %q", out)
		}
		return nil
	}
	if s, bad := unsafeText(reflect.ValueOf(p), map[uintptr]bool{}); bad {
		t.Fatalf("a loaded pack holds unsafe text: %q", s)
	}
	return p
}

// onlyArticle is a pack of pack.yaml and an article.
func onlyArticle(article string) fstest.MapFS {
	return fstest.MapFS{
		"pack.yaml":  {Data: []byte("id: a\ntitle: A\narticle: article.md\n")},
		"article.md": {Data: []byte(article)},
	}
}

// hostile are inputs every parser's corpus starts from: planted escape
// sequences, malformed YAML, and inputs over the limits.
var hostile = []string{
	"",
	osc52,
	"title: \"\\e]0;pwned\\a\"\n",
	"a: \"\\x9b2J\\N\\u202e\"\n",
	"- !!binary G10yOztjO1pXTm9ieUJ3ZDI1bFpBPT0H\n",
	"a: &x [*x, *x]\nb: *x\n",
	"entries:\n  - term: [unclosed\n",
	"chapters:\n  - chapter: 1\n    summary: !0\n0000000000000 \n      -00000000000000000000000000\n",
	"- - -\n",
	"{a: b, c: [d, {e: f}]}\n",
	strings.Repeat("[", 2000) + strings.Repeat("]", 2000),
	strings.Repeat("- ", 200) + "x\n",
	strings.Repeat("a: [b, c]\n", 2000),
	"x: " + strings.Repeat("y", content.MaxTextBytes+1) + "\n",
	"<!-- chapter: A -->\n\n" + strings.Repeat("[a](", 1000) + "\n",
	"<!-- chapter: A -->\n\n" + strings.Repeat("> ", 20) + "deep\n",
	"<!-- chapter: A -->\n\nText &#27;]52;c;eA==&#7; and &#x9b;2J and \u202e.\n",
	"<!-- chapter: A -->\n\n| a | b |\n|---|---|\n\n<script>x</script>\n\n```\ncode\n```\n",
	"<!-- chapter: A -->\r\n\r\nLine one\r\nline two\ttab\r\n",
	"\xff\xfe<!-- chapter: \x9b -->\n",
}

func FuzzArticle(f *testing.F) {
	f.Add(tinyArticle)
	f.Add(string(skeletonMap(f)["article.md"].Data))
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, article string) {
		if p := checkPack(t, onlyArticle(article)); p != nil && len(p.Chapters) == 0 {
			t.Fatal("a pack loaded with no chapters")
		}
	})
}

func FuzzGlossary(f *testing.F) {
	f.Add("entries:\n" + entry("NGO", "    variants: [NGOs]\n"))
	f.Add(string(skeletonMap(f)["glossary.yaml"].Data))
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, glossary string) {
		p := checkPack(t, tinyPack(glossary))
		if p == nil {
			return
		}
		for _, term := range p.Glossary.Terms {
			if got, ok := p.Glossary.Lookup(term.Term); !ok || got != term || len(term.Occurrences) == 0 {
				t.Fatalf("%q loaded but cannot be looked up, or occurs nowhere", term.Term)
			}
		}
	})
}

func FuzzMeta(f *testing.F) {
	f.Add(string(skeletonMap(f)["pack.yaml"].Data))
	f.Add("id: x\ntitle: X\narticle: ../secret\nglossary: /etc/passwd\nguide: 'a\\b'\n")
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, meta string) {
		m := skeletonMap(t)
		m["pack.yaml"] = &fstest.MapFile{Data: []byte(meta)}
		m["secret"] = &fstest.MapFile{Data: []byte("the secret")}
		p := checkPack(t, m)
		if p == nil {
			return
		}
		for _, ref := range []string{p.Meta.Article, p.Meta.Glossary, p.Meta.Quiz, p.Meta.Scenarios, p.Meta.Guide, p.Meta.Source} {
			if strings.Contains(ref, "..") || strings.HasPrefix(ref, "/") || strings.Contains(ref, `\`) {
				t.Fatalf("loaded with a file name %q", ref)
			}
		}
	})
}

// FuzzPack mutates every file of a small pack at once.
func FuzzPack(f *testing.F) {
	m := skeletonMap(f)
	files := []string{"pack.yaml", "article.md", "glossary.yaml", "quiz.yaml", "scenarios.yaml", "guide.yaml"}
	seed := make([]string, len(files))
	for i, name := range files {
		seed[i] = string(m[name].Data)
	}
	add := func(s []string) { f.Add(s[0], s[1], s[2], s[3], s[4], s[5]) }
	add(seed)
	for _, h := range hostile {
		for i := range files {
			s := append([]string(nil), seed...)
			s[i] = h
			add(s)
		}
	}
	f.Fuzz(func(t *testing.T, meta, article, glossary, quiz, scenarios, guide string) {
		fsys := fstest.MapFS{}
		for i, data := range []string{meta, article, glossary, quiz, scenarios, guide} {
			fsys[files[i]] = &fstest.MapFile{Data: []byte(data)}
		}
		checkPack(t, fsys)
	})
}
