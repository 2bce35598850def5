"""Commands on standing data: init, demo, import, shelters, staff, serve."""
