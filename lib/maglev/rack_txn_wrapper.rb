# maglev/rack_txn_wrapper.rb -- Maglev::TransactionWrapper, Rack middleware
# that runs each request in its own repository transaction (MAGLEV-API.md
# section 9): abort before the request (a fresh view, nothing left over from
# an earlier one), call the app, commit when the status is 2xx or 3xx, abort
# otherwise (and when the app raises; the exception propagates). A commit that
# fails raises Maglev::CommitFailedException after aborting, so the server's
# error handling answers the request and the next one starts clean.
#
#   use Maglev::TransactionWrapper      # config.ru
module Maglev
  class TransactionWrapper
    def initialize(app)
      @app = app
    end

    def call(env)
      Maglev.abort_transaction
      committed = false
      begin
        response = @app.call(env)
        status = response[0].to_i
        if status >= 200 && status < 400
          begin
            Maglev.commit_transaction
          rescue Maglev::CommitFailedException
            Maglev.abort_transaction
            raise
          end
          committed = true
        end
        response
      ensure
        Maglev.abort_transaction unless committed
      end
    end
  end
end
