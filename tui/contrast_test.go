package tui

import (
	"image/color"
	"math"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Every theme's text and highlights are readable from across a room: WCAG
// AA, a contrast of at least 4.5:1 against the background they are drawn on
// (their own, or the page's: the theme's painted page, and the backgrounds
// a terminal of that kind commonly has when the theme is its own).

// luminance is WCAG's relative luminance of a colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is WCAG's contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastOfEveryTheme(t *testing.T) {
	if got := contrast(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000")); math.Abs(got-21) > 0.01 {
		t.Fatalf("contrast of white on black = %.2f, want 21", got)
	}
	if got := contrast(lipgloss.Color("#777777"), lipgloss.Color("#FFFFFF")); math.Abs(got-4.48) > 0.02 {
		t.Fatalf("contrast of #777 on white = %.2f, want 4.48", got)
	}
	pages := map[bool][]string{ // terminals' own backgrounds, when the theme matches them
		true:  {"#000000", "#1E1E1E", "#282C34"},
		false: {"#FFFFFF", "#F5F5F5", "#FDF6E3"},
	}
	for _, theme := range []struct {
		name string
		st   *Styles
	}{
		{"dark", NewStyles(true, false)}, {"light", NewStyles(false, false)},
		{"projector dark", NewProjectorStyles(true, false)}, {"projector light", NewProjectorStyles(false, false)},
	} {
		st := theme.st
		backgrounds := []color.Color{st.Page}
		for _, p := range pages[st.IsDark] {
			backgrounds = append(backgrounds, lipgloss.Color(p))
		}
		named := map[string]lipgloss.Style{
			"title bar": st.TitleBar, "status": st.StatusBar, "status info": st.StatusInfo, "heading": st.Heading,
			"dim": st.Dim, "accent": st.Accent, "error": st.Error, "item": st.Item, "selected": st.ItemSelected,
			"number": st.ItemNumber, "read bar": st.BarDone, "unread bar": st.BarTodo, "term": st.Term,
			"match": st.Match, "current match": st.CurrentMatch, "scenario": st.QuizText, "right": st.Right,
			"wrong": st.Wrong, "quote": st.Quote, "popup title": st.PopupTitle,
			"help key": st.Help.ShortKey, "help text": st.Help.ShortDesc, "help separator": st.Help.ShortSeparator,
			"full help key": st.Help.FullKey, "full help text": st.Help.FullDesc,
		}
		for name, style := range named {
			fg := style.GetForeground()
			if _, none := fg.(lipgloss.NoColor); none || fg == nil {
				fg = st.Text // the terminal's text, painted as the theme's where needed
			}
			bgs := backgrounds
			if bg := style.GetBackground(); bg != nil {
				if _, none := bg.(lipgloss.NoColor); !none {
					bgs = []color.Color{bg}
				}
			}
			for _, bg := range bgs {
				if c := contrast(fg, bg); c < 4.5 {
					t.Errorf("%s theme: %s text has contrast %.2f:1 on %v (want at least 4.5)", theme.name, name, c, hex(bg))
				}
			}
		}
		if doc := st.Glamour.Document.Color; doc != nil { // a chapter's text
			named["chapter text"] = lipgloss.NewStyle().Foreground(lipgloss.Color(*doc))
		}
		for _, bg := range backgrounds {
			if fg := named["chapter text"].GetForeground(); fg != nil && contrast(fg, bg) < 4.5 {
				t.Errorf("%s theme: chapter text has contrast %.2f:1 on %v", theme.name, contrast(fg, bg), hex(bg))
			}
			if c := contrast(st.Text, bg); c < 4.5 {
				t.Errorf("%s theme: body text has contrast %.2f:1 on %v", theme.name, c, hex(bg))
			}
		}
	}
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return "#" + string([]byte{hexd(r >> 12), hexd(r >> 8 & 15), hexd(g >> 12), hexd(g >> 8 & 15), hexd(b >> 12), hexd(b >> 8 & 15)})
}

func hexd(v uint32) byte { return "0123456789ABCDEF"[v&15] }

// A theme that is not the terminal's paints its own page: t on a dark
// terminal gives dark text on the theme's white, not on the terminal's
// black; the auto theme on a terminal that answered paints nothing; nothing
// is painted with NO_COLOR.
func TestAThemeThatIsNotTheTerminalsPaintsItsPage(t *testing.T) {
	painted := func(hs *harness) bool { return hs.m.View().BackgroundColor != nil }
	auto := newHarness(t, 80, 24, Options{Theme: ThemeAuto})
	auto.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#000000")})
	if painted(auto) || !auto.m.c.styles.IsDark {
		t.Fatal("auto on a dark terminal: dark, and nothing painted")
	}
	auto.keys("t")
	if !painted(auto) || auto.m.c.styles.IsDark {
		t.Fatal("t on a dark terminal: the light theme must paint its page")
	}
	if bg := auto.m.View().BackgroundColor; contrast(bg, auto.m.c.styles.Text) < 4.5 {
		t.Fatal("the painted page does not suit the theme's text")
	}
	auto.keys("t")
	if painted(auto) {
		t.Fatal("back to the terminal's own: nothing painted")
	}
	saved := newHarness(t, 80, 24, Options{Theme: ThemeLight}) // --theme light, or a saved t
	if !painted(saved) {
		t.Fatal("a chosen theme paints until the terminal says it is its own")
	}
	saved.send(tea.BackgroundColorMsg{Color: lipgloss.Color("#FFFFFF")})
	if painted(saved) {
		t.Fatal("light on a light terminal: nothing to paint")
	}
	plain := newHarness(t, 80, 24, Options{Theme: ThemeLight, NoColor: true})
	if painted(plain) {
		t.Fatal("NO_COLOR: never paint")
	}
}
