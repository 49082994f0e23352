class AppError < StandardError; end
class DbError < AppError; end
begin
  raise DbError, "db down"
rescue AppError => e
  p e.class  # expect: DbError
  p e.message  # expect: "db down"
  p e.is_a?(StandardError)  # expect: true
end
