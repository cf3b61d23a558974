# Plots docs/perf/results.csv (written by tools/bench/measure.py): gnuplot docs/perf/scaling.gp
set datafile separator ","
set terminal pngcairo size 1100,460 font "DejaVu Sans,11"
set output "docs/perf/scaling.png"
set multiplot layout 1,2 title "policycheck matrix --format json --group-equivalent (2-core AMD EPYC, .NET 10, median of runs)"
set key top left
set grid
set logscale x
set xlabel "workloads (policies = workloads / 5)"
set xrange [800:60000]
set ylabel "seconds"
set title "Time"
plot "docs/perf/results.csv" every ::1::6 using 2:7 with linespoints lw 2 pt 7 title "whole process", \
     ""                     every ::1::6 using 2:($9/1000) with linespoints lw 2 pt 5 title "load (YAML -> model)", \
     ""                     every ::1::6 using 2:($10/1000) with linespoints lw 2 pt 9 title "evaluate (model -> result)"
set title "Peak memory"
set ylabel "MiB (peak RSS)"
plot "docs/perf/results.csv" every ::1::6 using 2:8 with linespoints lw 2 pt 7 title "whole process"
unset multiplot
