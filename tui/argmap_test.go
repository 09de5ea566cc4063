package tui

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"studyguide/content"
	"studyguide/seeds"
)

func mapHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, w, h, Options{})
	hs.keys("m")
	if _, ok := hs.m.top().(*mapOverlay); !ok {
		t.Fatalf("m on the chapter list did not open the map:\n%s", hs.screen())
	}
	return hs
}

// The map at a laptop's size, a narrow one and a wide one. Run
// `go test ./tui -run TestMapGolden -update` after a deliberate change and
// read the diff.
func TestMapGolden(t *testing.T) {
	layoutOnly(t)
	for _, s := range [][2]int{{80, 24}, {40, 12}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(t *testing.T) {
			hs := mapHarness(t, s[0], s[1])
			hs.keys("down", "down", "down", "right") // warning sign 6
			checkFits(t, hs.m.View().Content, s[0], s[1])
			golden.RequireEqual(t, hs.screen())
		})
	}
}

// At 80x24 the whole map is one screen: from the tension to the
// conclusion, nothing scrolled away.
func TestMapIsOneScreenAt80x24(t *testing.T) {
	hs := mapHarness(t, 80, 24)
	hs.mustSee("The argument at a glance", "╭─ The tension", "NGOs are workplaces", "Floors, ceilings on democracy",
		"1 Overwork culture", "10 Technocrats; cultural rift", "7 Self-critique, no say below",
		"More people doing less", "pull partners along", "Bernie: WFP", "Chicago: member-led", "risk drowning",
		"╰──", "enter read that chapter")
}

// Enter on any node opens the reader at that node's chapter (and
// paragraph); q goes back to the chapter list, m opens the map again.
func TestMapEnterOpensTheChapter(t *testing.T) {
	hs := mapHarness(t, 80, 24)
	items := hs.m.top().(*mapOverlay).lay.Items
	for i, it := range items {
		for range i {
			hs.keys("tab")
		}
		hs.keys("enter")
		if hs.m.screen != screenReader || hs.m.reader.chapter != it.Chapter-1 || len(hs.m.overlays) != 0 {
			t.Fatalf("enter on %q: screen %d, chapter %d, %d overlays; want the reader at chapter %d",
				it.Label, hs.m.screen, hs.m.reader.chapter+1, len(hs.m.overlays), it.Chapter)
		}
		if pos := hs.m.c.progress.Position; it.Paragraph != "" && pos.Paragraph != it.Paragraph {
			t.Errorf("enter on %q opened the reader at %s, not %s", it.Label, pos.Paragraph, it.Paragraph)
		}
		hs.mustSee(fmt.Sprintf("%d/8  %s", it.Chapter, hs.m.c.pack.Chapters[it.Chapter-1].Title))
		hs.keys("q", "m")
	}
}

// Esc closes the map; ? shows its keys over it, and esc closes only those.
func TestMapKeysAndClose(t *testing.T) {
	hs := mapHarness(t, 80, 24)
	hs.keys("?")
	hs.mustSee("Keys", "shift+tab", "read that chapter", "The argument at a glance")
	hs.keys("esc")
	hs.mustNotSee("Keys")
	hs.mustSee("The argument at a glance")
	hs.keys("esc")
	if len(hs.m.overlays) != 0 || hs.m.screen != screenHome {
		t.Fatalf("esc did not close the map:\n%s", hs.screen())
	}
	hs.mustSee("m map")
	hs.keys("?")
	hs.mustSee("argument map") // in the chapter list's own help
}

// The selection follows the keys, and the screen scrolls to keep it in
// view on a small terminal.
func TestMapSelectionScrollsIntoView(t *testing.T) {
	hs := mapHarness(t, 40, 12)
	o := hs.m.top().(*mapOverlay)
	for i := 1; i < len(o.lay.Items); i++ {
		hs.keys("tab")
		if o.sel != i {
			t.Fatalf("after %d tabs the selection is %d", i, o.sel)
		}
		it := o.lay.Items[i]
		first := strings.Fields(it.Label)[0]
		if !strings.Contains(hs.screen(), "▸ "+first) && !strings.Contains(hs.screen(), fmt.Sprintf("▸ %2d %s", it.Number, first)) {
			t.Fatalf("node %q is selected but not shown marked:\n%s", it.Label, hs.screen())
		}
	}
	hs.keys("tab") // round to the first, at the top of the map
	// At 40 columns the first stage's title wraps under the frame's top.
	hs.mustSee("╭─ ─", "│ The tension,", "▸ Participation")
}

// No frame is wider or taller than the terminal, from 10x3 to 200x60,
// whatever is selected and wherever the map is scrolled.
func TestMapFramesFit(t *testing.T) {
	layoutOnly(t)
	hs := mapHarness(t, 80, 24)
	for _, w := range []int{10, 11, 16, 20, 33, 39, 40, 41, 59, 60, 79, 80, 81, 120, 200} {
		for _, h := range []int{3, 4, 5, 7, 12, 23, 24, 25, 40, 60} {
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			for _, k := range []string{"tab", "down", "right", "down", "shift+tab", "up", "?", "esc"} {
				hs.keys(k)
				checkFits(t, hs.m.View().Content, w, h)
			}
		}
	}
}

// A pack without a map: m does nothing and is not offered.
func TestNoMapNoKey(t *testing.T) {
	m := fstest.MapFS{}
	err := fs.WalkDir(seeds.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := fs.ReadFile(seeds.FS, name)
		if name == "guide.yaml" {
			raw = raw[:strings.Index(string(raw), "\nmap:")+1]
		}
		m[name] = &fstest.MapFile{Data: raw}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := content.Load(m)
	if err != nil || p.ArgMap() != nil {
		t.Fatalf("pack without a map: %v, map %v", err, p.ArgMap())
	}
	hs := &harness{t: t, m: New(p, Options{Theme: ThemeDark})}
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	hs.keys("m")
	if len(hs.m.overlays) != 0 {
		t.Fatal("m opened something in a pack without a map")
	}
	hs.mustNotSee("argument map")
	hs.keys("?")
	hs.mustNotSee("argument map")
}

// Drawing the map is done on every frame while it is open.
func BenchmarkMapView(b *testing.B) {
	hs := newHarness(b, 80, 24, Options{})
	hs.keys("m")
	for b.Loop() {
		_ = hs.m.View()
	}
}
