-- The minutes a voice plan includes each usage period, drawn on by the calls whose rate says
-- uses_included (VoiceCharger). NULL: none.
ALTER TABLE plan ADD COLUMN included_minutes INT;
