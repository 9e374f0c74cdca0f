"""Location answers on maps: the respondents' map widget's settings and the range states'
outlines, the secretariat's map of a questionnaire's locations, their GeoJSON and KML
exports, and the analysis report's maps of barriers and poaching sites."""
