package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"studyguide/content"
	"studyguide/progress"
	"studyguide/quiz"
	"studyguide/tui"
)

func newQuizCmd(opts *options) *cobra.Command {
	var (
		chapter string
		review  bool
		seed    int64
		limit   int
		plain   bool
	)
	cmd := &cobra.Command{
		Use:   "quiz",
		Short: "Classify scenarios: for the essay, NGO-like or mass-organization-like",
		Long: "Asks short scenarios one at a time, to sort into the pack's two categories —\n" +
			"for the built-in essay: is the behaviour NGO-like or mass-organization-like, and\n" +
			"for NGO-like ones which warning sign does it show? Each answer is explained with\n" +
			"the text's own passage.\n" +
			"Items due for review (missed ones first) come first; --review asks only those.\n\n" +
			"--plain asks line by line on standard input and output: for screen readers,\n" +
			"pipes and scripts. Answer with a number or the start of a name; q stops.",
		Example: "  studyguide quiz\n  studyguide quiz --chapter 2\n  studyguide quiz --review\n" +
			"  studyguide quiz --seed 7 --limit 10      # the same ten items, in the same order, for everyone\n" +
			"  printf '1\\n1\\n2\\n' | studyguide quiz --plain --seed 7",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pack, err := opts.loadPack()
			if err != nil {
				return err
			}
			if pack.Quiz == nil || len(pack.Quiz.Scenarios) == 0 {
				return errors.New("this pack has no quiz")
			}
			qo := quiz.Options{Mode: quiz.All, Seed: seed, Limit: limit}
			title := "all scenarios"
			if chapter != "" && review {
				return errors.New("choose --chapter or --review, not both")
			}
			if chapter != "" {
				ch, err := pack.FindChapter(chapter)
				if err != nil {
					return err
				}
				qo.Mode, qo.Chapter, title = quiz.Chapter, ch.Number, fmt.Sprintf("chapter %d", ch.Number)
			}
			if review {
				qo.Mode, title = quiz.Review, "review"
			}
			if plain {
				return runPlainQuiz(cmd, opts, pack, qo, title)
			}
			return runTUIWith(cmd, opts, tui.Options{Quiz: &qo, QuizTitle: title}, "the quiz needs a terminal; to answer line by line, use `studyguide quiz --plain`")
		},
	}
	cmd.Flags().StringVarP(&chapter, "chapter", "c", "", "only the scenarios on one chapter (a number or a name)")
	cmd.Flags().BoolVarP(&review, "review", "r", false, "the items due for review: missed ones first")
	cmd.Flags().Int64Var(&seed, "seed", 0, "a fixed order, so a room sees the same sequence (default: due items first, then random)")
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "ask at most this many items")
	cmd.Flags().BoolVar(&plain, "plain", false, "line by line on standard input/output, no full screen")
	_ = cmd.RegisterFlagCompletionFunc("chapter", completeChapters)
	return cmd
}

func runPlainQuiz(cmd *cobra.Command, opts *options, pack *content.Pack, qo quiz.Options, title string) error {
	store, st, notice, err := progress.Open(progress.Options{Pack: pack.Meta.ID, Profile: opts.profile, NoSave: opts.noSave})
	if err != nil {
		return err
	}
	if notice != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "studyguide: "+notice)
	}
	qo.Cards = st.QuizCards()
	s, err := quiz.NewSession(pack.Quiz, qo)
	if errors.Is(err, quiz.ErrNothingDue) {
		fmt.Fprintln(cmd.OutOrStdout(), quiz.NothingDue(qo.Cards, pack.Quiz, time.Now()))
		return nil
	}
	if err != nil {
		return err
	}
	warned := false
	keep := func(s *quiz.Session) {
		st.RecordQuiz(s.Record(), s.Cards())
		if err := store.Save(st); err != nil && !warned {
			warned = true
			fmt.Fprintf(cmd.ErrOrStderr(), "studyguide: your answers could not be saved: %v\n", err)
		}
	}
	return tui.PlainQuiz(cmd.InOrStdin(), cmd.OutOrStdout(), pack, s, title, textWidth(cmd.OutOrStdout()), keep)
}
