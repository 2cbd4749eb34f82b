"""Site announcements (``data/announcements.yml``): the banner on every page
and the お知らせ list on the home page.

``model`` reads and checks the file; ``render`` writes the banner and list
markup and the JSON that the browser reads to choose, at view time, which
announcements are current (assets/javascripts/announcements.js).
"""
