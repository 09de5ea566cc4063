package seeds

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"studyguide/content"
	"studyguide/content/packgen"
)

// TestGeneratedPackIsUpToDate fails when pack_gen.go is not what go generate
// makes from the pack's files, e.g. after an edit to a YAML file.
func TestGeneratedPackIsUpToDate(t *testing.T) {
	want, err := packgen.Generate(FS, "seeds", "compiled", "go generate ./seeds")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("pack_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("seeds/pack_gen.go is out of date with the files of the built-in pack: run `go generate ./seeds`")
	}
}

// TestCompiledPackIsTheLoadedPack: the pack the program starts with is,
// part for part and link for link, the pack loaded from the files.
func TestCompiledPackIsTheLoadedPack(t *testing.T) {
	fromYAML, err := content.Load(FS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Pack()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, fromYAML) {
		t.Fatal("the compiled built-in pack differs from the one loaded from its files")
	}
	for _, term := range got.Glossary.Terms {
		if found, ok := got.Glossary.Lookup(term.Term); !ok || found != term {
			t.Fatalf("glossary lookup of %q fails in the compiled pack", term.Term)
		}
	}
	if s := got.Quiz.Scenarios[0]; s.Paragraph == nil || s.Paragraph.Chapter.Number != s.Chapter {
		t.Fatalf("scenario %s is not linked to its paragraph", s.ID)
	}
}

// TestEditedFilesWinOverAStaleCompiledPack: when the files differ from the
// ones pack_gen.go was made from, the program shows what the files say.
func TestEditedFilesWinOverAStaleCompiledPack(t *testing.T) {
	edited := fstest.MapFS{}
	err := fs.WalkDir(FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(FS, name)
		edited[name] = &fstest.MapFile{Data: raw}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	const old, edit = "title: Mass Organizations and NGOs in a Socialist Movement", "title: Mass Organizations and NGOs (edited)"
	if !bytes.Contains(edited["pack.yaml"].Data, []byte(old)) {
		t.Fatal("pack.yaml has no title line to edit")
	}
	edited["pack.yaml"].Data = bytes.Replace(edited["pack.yaml"].Data, []byte(old), []byte(edit), 1)
	p, err := load(edited, compiled)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Meta.Title; !strings.Contains(got, "(edited)") {
		t.Fatalf("title %q: the stale compiled pack was used instead of the edited files", got)
	}
}

// BenchmarkBuiltinPack is the built-in pack as the program gets it at
// start: the files' fingerprint checked, the compiled pack relinked.
func BenchmarkBuiltinPack(b *testing.B) {
	for b.Loop() {
		if _, err := load(FS, compiled); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuiltinPackFromYAML is the same pack parsed and checked from its
// files, as an outside pack is, and as the built-in one was before it was
// compiled.
func BenchmarkBuiltinPackFromYAML(b *testing.B) {
	for b.Loop() {
		if _, err := content.Load(FS); err != nil {
			b.Fatal(err)
		}
	}
}
