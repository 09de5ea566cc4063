package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	gansi "charm.land/glamour/v2/ansi"
	gstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// Theme is what the user asked for with --theme.
type Theme string

// The themes a user can choose.
const (
	ThemeAuto  Theme = "auto"
	ThemeDark  Theme = "dark"
	ThemeLight Theme = "light"
)

// Themes lists the valid --theme values, for flags and completion.
var Themes = []Theme{ThemeAuto, ThemeDark, ThemeLight}

// Styles is every style the interface uses, built for one theme. Screens never
// build styles of their own.
type Styles struct {
	Name    string // the render cache key: "dark", "light"
	IsDark  bool
	NoColor bool
	// Page and Text are the background and text colours the theme is made
	// for; the program paints them when the terminal's own may differ.
	Page, Text color.Color

	TitleBar   lipgloss.Style // the top line
	StatusBar  lipgloss.Style // the bottom status line
	StatusInfo lipgloss.Style // emphasised parts of the status line
	Heading    lipgloss.Style
	Dim        lipgloss.Style
	Accent     lipgloss.Style
	Error      lipgloss.Style

	Item         lipgloss.Style // a list row
	ItemSelected lipgloss.Style // the row under the cursor
	ItemNumber   lipgloss.Style
	BarDone      lipgloss.Style // reading progress, read part
	BarTodo      lipgloss.Style // reading progress, unread part

	Term         lipgloss.Style // a glossary term in the text
	TermFocus    lipgloss.Style // the term Tab has reached
	Match        lipgloss.Style // a search match
	CurrentMatch lipgloss.Style // the match the reader is on

	QuizText lipgloss.Style // a scenario
	Right    lipgloss.Style // feedback on a right answer (also marked ✓)
	Wrong    lipgloss.Style // feedback on a wrong answer (also marked ✗)
	Quote    lipgloss.Style // a passage quoted from the essay

	Popup      lipgloss.Style // a box drawn over the page
	PopupTitle lipgloss.Style

	Help help.Styles

	// Glamour is the markdown style for chapters.
	Glamour gansi.StyleConfig
}

// NewStyles builds the styles for a dark or light background. With noColor
// every distinction is also made by an attribute (bold, underline, reverse)
// so nothing depends on colour alone.
func NewStyles(isDark, noColor bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5B3CC4"), lipgloss.Color("#A99BFF"))
	dim := ld(lipgloss.Color("#5F5F6B"), lipgloss.Color("#9A9AA6"))
	barBg := ld(lipgloss.Color("#E6E2F6"), lipgloss.Color("#2B2840"))
	text := ld(lipgloss.Color("#1C1C24"), lipgloss.Color("#E4E4EC"))
	s := &Styles{Name: "dark", IsDark: isDark, NoColor: noColor, Text: text,
		Page: ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#14141A"))}
	if !isDark {
		s.Name = "light"
	}
	s.TitleBar = lipgloss.NewStyle().Bold(true).Foreground(text).Background(barBg)
	s.StatusBar = lipgloss.NewStyle().Foreground(dim)
	s.StatusInfo = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80")))
	s.Item = lipgloss.NewStyle().Foreground(text)
	s.ItemSelected = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.ItemNumber = lipgloss.NewStyle().Foreground(dim)
	s.BarDone = lipgloss.NewStyle().Foreground(accent)
	s.BarTodo = lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#6B6780"), lipgloss.Color("#9A96B0")))
	s.Match = lipgloss.NewStyle().Foreground(lipgloss.Color("#1C1C24")).Background(lipgloss.Color("#F4D66B"))
	s.CurrentMatch = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#1C1C24")).Background(lipgloss.Color("#FF9F43"))
	s.Term = lipgloss.NewStyle().Underline(true).Foreground(ld(lipgloss.Color("#3B2A8C"), lipgloss.Color("#C9C0FF")))
	s.TermFocus = lipgloss.NewStyle().Underline(true).Bold(true).Reverse(true)
	s.QuizText = lipgloss.NewStyle().Foreground(text)
	s.Right = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#1B6E3A"), lipgloss.Color("#7EE2A0")))
	s.Wrong = s.Error
	s.Quote = lipgloss.NewStyle().Italic(true).Foreground(text)
	s.Popup = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1)
	s.PopupTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Help = help.DefaultStyles(isDark) // then readable: its greys are 1.4 to 3.4:1
	helpKey := lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#3E3E4A"), lipgloss.Color("#C4C4CE")))
	helpText := lipgloss.NewStyle().Foreground(dim)
	s.Help.ShortKey, s.Help.FullKey = helpKey, helpKey
	s.Help.ShortDesc, s.Help.FullDesc = helpText, helpText
	s.Help.ShortSeparator, s.Help.FullSeparator, s.Help.Ellipsis = helpText, helpText, helpText
	if noColor {
		s.TitleBar = lipgloss.NewStyle().Bold(true).Reverse(true)
		s.ItemSelected = s.ItemSelected.Reverse(true)
		s.Term = lipgloss.NewStyle().Underline(true)
		s.Match = lipgloss.NewStyle().Reverse(true)
		s.CurrentMatch = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
		s.Right = lipgloss.NewStyle().Bold(true)
		s.Wrong = lipgloss.NewStyle().Bold(true)
		s.BarDone = lipgloss.NewStyle()
		s.BarTodo = lipgloss.NewStyle()
	}
	s.Glamour = glamourStyle(isDark)
	return s
}

// glamourStyle is Glamour's own dark or light style with two repairs: its
// block-quote bar is two cells wide but counted as one when wrapping, which
// spills the last word of some quoted lines onto a line of its own; and its
// headings below the title keep their markdown ("## Can NGO Employees…"),
// which a reader should not see: they are told apart by colour and bold.
func glamourStyle(isDark bool) gansi.StyleConfig {
	cfg := gstyles.LightStyleConfig
	if isDark {
		cfg = gstyles.DarkStyleConfig
	}
	bar := "▎"
	cfg.BlockQuote.IndentToken = &bar
	for _, h := range []*gansi.StyleBlock{&cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6} {
		h.Prefix = ""
	}
	return cfg
}

// NewProjectorStyles is the presenter's theme: for a projected screen seen
// from across a room, so only full-strength colours, no dim greys, and
// everything that matters also bold or underlined.
func NewProjectorStyles(isDark, noColor bool) *Styles {
	s := NewStyles(isDark, noColor)
	ld := lipgloss.LightDark(isDark)
	text := ld(lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF"))
	accent := ld(lipgloss.Color("#0000AF"), lipgloss.Color("#FFD700"))
	s.Name += "-projector"
	s.Page, s.Text = ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000")), text
	s.TitleBar = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000"))).Background(accent)
	s.StatusBar = lipgloss.NewStyle().Foreground(text)
	s.StatusInfo = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Dim = lipgloss.NewStyle().Foreground(text)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Item = lipgloss.NewStyle().Foreground(text)
	s.ItemSelected = lipgloss.NewStyle().Bold(true).Foreground(accent).Underline(true)
	s.ItemNumber = lipgloss.NewStyle().Foreground(text)
	s.BarDone = lipgloss.NewStyle().Foreground(accent)
	s.BarTodo = lipgloss.NewStyle().Foreground(text)
	s.Term = lipgloss.NewStyle().Underline(true).Foreground(text)
	s.QuizText = lipgloss.NewStyle().Foreground(text)
	s.Quote = lipgloss.NewStyle().Italic(true).Foreground(text)
	s.Right = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#005F00"), lipgloss.Color("#00FF5F")))
	s.Wrong = lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#AF0000"), lipgloss.Color("#FF5F5F")))
	s.Popup = lipgloss.NewStyle().Border(lipgloss.ThickBorder()).BorderForeground(accent).Padding(0, 1)
	s.PopupTitle = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Help.ShortKey = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.Help.ShortDesc = lipgloss.NewStyle().Foreground(text)
	s.Help.FullKey = s.Help.ShortKey
	s.Help.FullDesc = s.Help.ShortDesc
	s.Help.ShortSeparator = s.Help.ShortDesc
	s.Help.FullSeparator = s.Help.ShortDesc
	if noColor {
		s.TitleBar = lipgloss.NewStyle().Bold(true).Reverse(true)
		s.Heading = lipgloss.NewStyle().Bold(true)
		s.ItemSelected = lipgloss.NewStyle().Bold(true).Reverse(true)
		s.Term = lipgloss.NewStyle().Underline(true)
		s.Right = lipgloss.NewStyle().Bold(true)
		s.Wrong = lipgloss.NewStyle().Bold(true)
		s.Dim, s.Accent, s.Item, s.QuizText, s.BarDone, s.BarTodo = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
		s.Quote = lipgloss.NewStyle().Italic(true)
		s.Popup = lipgloss.NewStyle().Border(lipgloss.ThickBorder()).Padding(0, 1)
		s.PopupTitle = lipgloss.NewStyle().Bold(true)
	}
	return s
}
