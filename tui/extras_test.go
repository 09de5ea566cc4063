package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"studyguide/content"
	"studyguide/seeds"
)

// The reader shows the text before the glossary, quiz and guide are loaded;
// when they arrive the terms are marked where the reader is, and their keys
// work.
func TestExtrasArriveAfterTheFirstFrame(t *testing.T) {
	pack, err := content.LoadArticle(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	if pack.Glossary != nil || pack.Quiz != nil {
		t.Fatal("LoadArticle should leave the extras out")
	}
	loaded := 0
	hs := &harness{t: t, m: New(pack, Options{Theme: ThemeDark, Chapter: 3, LoadExtras: func() (content.Extras, error) {
		loaded++
		if pack.Glossary != nil {
			t.Error("extras loaded twice")
		}
		return pack.LoadExtras(seeds.FS)
	}})}
	hs.m.c.exportDir = t.TempDir()
	// before the size is known nothing is drawn and nothing loads
	hs.run(hs.m.Init())
	if loaded != 0 {
		t.Fatal("extras loaded before the first screen")
	}
	hs.send(windowSize(80, 24))
	if loaded != 1 || pack.Glossary == nil || pack.Quiz == nil || pack.Guide == nil {
		t.Fatalf("extras not loaded after the first screen (%d calls)", loaded)
	}
	if len(hs.m.reader.r.terms) == 0 {
		t.Fatal("the chapter was not re-rendered with its glossary terms")
	}
	hs.mustSee("3/8")
	hs.keys("z")
	if hs.m.screen != screenQuiz {
		t.Fatal("the quiz key does not work once the quiz has arrived")
	}
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }
